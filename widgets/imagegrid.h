// Thumbnails with captions in rows that wrap to the widget's width; a click selects one. Images are
// scaled with nearest neighbour into square cells of thumbnailSize() pixels. Long captions are elided;
// the full caption is the tooltip. Meant to sit in a QScrollArea (it has a height for its width).
#pragma once

#include <QImage>
#include <QList>
#include <QStringList>
#include <QWidget>

class ImageGrid : public QWidget {
    Q_OBJECT

public:
    explicit ImageGrid(QWidget* parent = nullptr);
    ~ImageGrid() override;

    // Replaces the images and clears the selection. captions[i] goes under image i (may be shorter).
    void setImages(const QList<QImage>& images, const QStringList& captions = {});
    void clear();
    int count() const;
    QImage image(int index) const;
    QStringList captions() const;

    int selectedIndex() const; // -1 when nothing is selected

    void setThumbnailSize(int pixels); // at least 8
    int thumbnailSize() const;

    int columnCount() const; // at the current width
    QRect thumbnailRect(int index) const;
    int indexAt(const QPoint& position) const; // -1 outside every thumbnail and caption

    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    // Selects without emitting imageSelected; -1 clears, out-of-range values are ignored.
    void setSelectedIndex(int index);

Q_SIGNALS:
    // The user picked an image (mouse click, or arrow keys when the grid has focus).
    void imageSelected(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    int captionHeight() const;
    int cellHeight() const;
    int columnsForWidth(int width) const;
    QRect cellRect(int index, int columns) const;
    void selectByUser(int index);

    QList<QImage> m_images;
    QStringList m_captions;
    int m_selected = -1;
    int m_thumbnailSize = 96;
};
