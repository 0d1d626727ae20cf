// Files that ship with the program: the demo model the studio opens at first launch and the
// classifier that judges sample quality (resources/models in the source tree, share/ddpm-studio/models
// when installed).
#pragma once

#include <QString>

// The path of a shipped file such as "models/fashion-mnist-demo.ckpt", looked for in $DDPM_DATA_DIR,
// next to the installed program (../share/ddpm-studio) and in the source tree it was built from;
// empty when none has it.
QString bundledFile(const QString& relative);

// The demo model: a Fashion-MNIST model trained by scripts/train-demo.sh, EMA weights only. The
// class-conditional one (DEMO_CONDITIONAL=1, models/fashion-mnist-conditional.ckpt) where a root has it,
// else the unconditional one (models/fashion-mnist-demo.ckpt); a root's files before the next root's.
QString demoModelPath();
// Whether `path` is the shipped demo model (which the studio keeps read-only).
bool isDemoModel(const QString& path);

// The Fashion-MNIST classifier that `ddpm quality` and the studio's Quality panel use (empty when it is not
// installed), and where it is looked for, for the messages that say it is missing.
QString classifierPath();
inline constexpr char kClassifierFile[] = "models/fashion-mnist-classifier.ckpt";
