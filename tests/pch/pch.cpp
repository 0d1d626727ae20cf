// Holds the precompiled header the engine tests share.
