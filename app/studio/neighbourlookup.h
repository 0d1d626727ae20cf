// "Nearest training images" of the Reverse view (issue 20 §3): the image goes to the quality thread
// (QualityController::findNeighbours), and a window beside the main one shows the image with its nearest
// Fashion-MNIST training images in the classifier's features and in pixels. The newest lookup wins;
// the first one of a session builds the training images' features, which takes a while, and the window
// shows how far it got.
#pragma once

#include <QObject>
#include <QPointer>

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include <torch/torch.h>
#endif

class CopiesPanel;
class QDialog;
class QLabel;
class QProgressBar;
class QWidget;
class QualityController;

class NeighbourLookup : public QObject {
    Q_OBJECT
public:
    NeighbourLookup(QualityController* quality, QWidget* window);

    // image: [1, 1, S, S] in [−1, 1], the index-th (1-based) image of its run.
    void lookUp(const torch::Tensor& image, int index);
    QDialog* dialog() const { return m_dialog; } // null before the first lookup
    CopiesPanel* panel() const { return m_panel; }
    QString statusText() const;

private:
    void ensureDialog();

    QualityController* m_quality;
    QWidget* m_window;
    QPointer<QDialog> m_dialog;
    CopiesPanel* m_panel = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr; // while the first lookup describes the training images
    quint64 m_request = 0;
    int m_index = 0;
};
