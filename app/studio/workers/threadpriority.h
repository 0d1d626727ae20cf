// Background work (training, sampling, quality) runs below the GUI thread's priority, so that the window
// answers at once while LibTorch's threads keep every core busy, and the background keeps every cycle
// the window does not use. On Linux the nice value and the scheduling policy belong to a thread and are
// inherited by the threads it starts: called first thing on a worker thread, before LibTorch starts its
// OpenMP pool there, it lowers that thread and the pool alike. Elsewhere it does nothing.
//
// Two depths. Nice (the default): ten nice levels down, so the scheduler weighs a worker at about a
// tenth of the GUI thread; the GUI thread still waits behind a worker's time slice now and then, and the
// worker still gets a tenth of a core against any other busy program. Idle (the studio's own choice,
// set in main()): SCHED_IDLE, so the GUI thread, and any other program, takes a core from a worker the
// moment it wakes. Tests keep Nice: two test programs run side by side under `ctest -j2`, and an idle
// worker would get nothing while the other one computes. The work a user starts and waits for (sampling,
// quality, the bound, the score view, opening a model, a preview at rest) names Nice for its worker
// whatever the depth: at SCHED_IDLE it waited for minutes beside a busy program, such as a training run
// followed on the same machine; only training itself, which runs for hours, yields at Depth::Idle.
#pragma once

namespace ThreadPriority {

// How many nice levels the background runs below the GUI: at +10 the scheduler weighs a background
// thread at about a tenth of the GUI thread.
inline constexpr int kBackgroundNice = 10;

enum class Depth { Nice, Idle };

// For the workers started from now on (GUI thread, before the first one starts).
void setDepth(Depth depth);
Depth depth();

// Lowers the calling thread's priority by kBackgroundNice (capped at 19) and, at Depth::Idle, to
// SCHED_IDLE, once per thread: a second call does nothing. False where it cannot. Without a depth, at
// the one set with setDepth().
bool lowerCurrentThread();
bool lowerCurrentThread(Depth d);

// Whether the calling thread runs at SCHED_IDLE: for tests.
bool currentIsIdle();

// The calling thread's nice value (0 where the platform has none): for tests.
int currentNice();

} // namespace ThreadPriority
