// One image drawn as large as the widget allows, with crisp pixels (nearest-neighbour, aspect kept); with
// no image, a message in its place where one is set.
#pragma once

#include <QImage>
#include <QWidget>

class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);
    void setImage(const QImage& image);
    QImage image() const { return m_image; }
    void setMessage(const QString& message); // shown while there is no image
    QString message() const { return m_message; }
    QSize sizeHint() const override { return {240, 240}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    QString m_message;
};
