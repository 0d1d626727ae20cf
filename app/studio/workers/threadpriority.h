// Background work (training, sampling, quality) runs below the GUI thread's priority, so that the window
// answers at once while LibTorch's threads keep every core busy, and the background keeps every cycle
// the window does not use. On Linux the nice value belongs to a thread and is inherited by the threads
// it starts: called first thing on a worker thread, before LibTorch starts its OpenMP pool there, it
// lowers that thread and the pool alike. Elsewhere it does nothing.
#pragma once

namespace ThreadPriority {

// How many nice levels the background runs below the GUI: at +10 the scheduler weighs a background
// thread at about a tenth of the GUI thread.
inline constexpr int kBackgroundNice = 10;

// Lowers the calling thread's priority by kBackgroundNice (capped at 19), once per thread: a second
// call does nothing. False where it cannot.
bool lowerCurrentThread();

// The calling thread's nice value (0 where the platform has none): for tests.
int currentNice();

} // namespace ThreadPriority
