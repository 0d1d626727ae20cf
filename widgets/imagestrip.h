// A strip of frames side by side: one column per step (for example x_t at a few timesteps), one row per
// sample, a label under each column and, optionally, a label left of each row (say, the schedule
// that made it). Frames are drawn with nearest-neighbour scaling (whole multiples
// when enlarged) so that small images keep their pixels, as large as the height allows while every
// column still fits the width; when the labels are too wide for the columns only every n-th is shown
// (each column's label is also its tooltip).
#pragma once

#include <QImage>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <algorithm>

class ImageStrip : public QWidget {
    Q_OBJECT

public:
    explicit ImageStrip(QWidget* parent = nullptr);
    ~ImageStrip() override;

    // rows[r][c] is the frame of row r in column c. Rows may differ in length; missing frames are
    // drawn as empty cells. Resets the current index to -1.
    void setFrames(const QList<QList<QImage>>& rows, const QStringList& columnLabels = {});
    // Adds one column; column[r] goes to row r. Used while a strip fills as steps arrive.
    void appendColumn(const QList<QImage>& column, const QString& label = {});
    void clear(); // frames, column and row labels

    // Names of the rows, top to bottom, drawn left of them; kept by setFrames() and appendColumn().
    void setRowLabels(const QStringList& labels);
    QStringList rowLabels() const;

    int count() const;    // columns
    int rowCount() const; // rows
    QImage frame(int row, int column) const;
    QStringList columnLabels() const;

    int currentIndex() const; // -1 when no column is highlighted

    // Geometry in widget coordinates at the current size (images plus label of one column).
    QRect columnRect(int column) const;
    int columnAt(const QPoint& position) const; // -1 outside every column

    // The whole strip with labels, every frame enlarged `scale` times (nearest neighbour), black text
    // on white, no highlight. Null when the strip is empty.
    QImage renderToImage(int scale = 1) const;
    // The same for columns given as data (columns[c][r]), as a strip holding them would draw them, for
    // exports that read a model rather than a strip on screen. On the GUI thread.
    static QImage render(const QList<QList<QImage>>& columns, const QStringList& columnLabels, int scale,
                         const QStringList& rowLabels = {});

    // Columns to make room for even before they arrive (a strip that fills as steps arrive keeps its
    // scale instead of starting huge and shrinking); 0: the columns there are.
    void setReservedColumns(int columns);

    // The tallest rows heightForWidth() asks for (96 px unless set; at least 16): a strip that shares its
    // page with charts asks for less, so that the charts keep the room.
    void setMaxRowHeight(int pixels);
    int maxRowHeight() const { return m_maxRowHeight; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // As tall as frames filling the width need (whole multiples, rows at most maxRowHeight() high), so
    // the columns grow with the window.
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

public Q_SLOTS:
    // Highlights a column; -1 clears. Out-of-range values are clamped. Does not emit columnClicked.
    void setCurrentIndex(int index);

Q_SIGNALS:
    // The user clicked a column; the column is also made current.
    void columnClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout;

    QSize frameSize() const;
    bool hasLabels() const;
    int rowLabelWidth(const QFontMetrics& metrics) const;
    Layout layoutFor(double scale, const QFontMetrics& metrics) const;
    Layout widgetLayout() const;
    int columnSlots() const { return std::max(count(), m_reservedColumns); }
    double fillScale(int width, const QFontMetrics& metrics) const; // frames filling `width`
    void paintStrip(QPainter& painter, const Layout& layout, const QColor& textColor, bool highlight) const;

    QList<QList<QImage>> m_columns; // m_columns[c][r]
    QStringList m_labels;
    QStringList m_rowLabels;
    int m_rowCount = 0;
    int m_currentIndex = -1;
    int m_reservedColumns = 0;
    int m_maxRowHeight = 96;
};
