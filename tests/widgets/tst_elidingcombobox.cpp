#include "elidingcombobox.h"

#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

namespace {

const QString kLong = QStringLiteral("reference (32×32 Graustufen, 1,6 Mio. Parameter)");

} // namespace

class TestElidingComboBox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void narrowBoxEndsWithEllipsis();
    void wideBoxShowsEverything();
    void paintsTheShownText();
    void tooltipGivesTheWholeText();
};

void TestElidingComboBox::narrowBoxEndsWithEllipsis()
{
    ElidingComboBox box;
    box.addItem(kLong);
    box.resize(110, box.sizeHint().height());
    const QString shown = box.shownText();
    QVERIFY(box.isElided());
    QVERIFY(shown.endsWith(QChar(0x2026)));
    QVERIFY(kLong.startsWith(shown.chopped(1)));
    QVERIFY(shown.size() > 2); // some of the text, not only the ellipsis
    QVERIFY(box.fontMetrics().horizontalAdvance(shown) < 110);
    // The open list shows the entry whole.
    QCOMPARE(box.itemText(0), kLong);
}

void TestElidingComboBox::wideBoxShowsEverything()
{
    ElidingComboBox box;
    box.addItem(kLong);
    box.resize(box.fontMetrics().horizontalAdvance(kLong) + 80, box.sizeHint().height());
    QVERIFY(!box.isElided());
    QCOMPARE(box.shownText(), kLong);
    box.setEditable(true); // an editable box's line edit shows the text and scrolls it
    box.resize(110, box.height());
    QCOMPARE(box.shownText(), kLong);
}

// The closed box draws exactly what a plain combo box would draw with the shortened text.
void TestElidingComboBox::paintsTheShownText()
{
    ElidingComboBox eliding;
    eliding.addItem(kLong);
    eliding.resize(120, eliding.sizeHint().height());
    QComboBox plain;
    plain.addItem(eliding.shownText());
    plain.resize(eliding.size());
    const QImage a = eliding.grab().toImage(), b = plain.grab().toImage();
    QCOMPARE(a.size(), b.size());
    QVERIFY(a == b);
    QComboBox cut; // and not what it draws with the whole text, cut off
    cut.addItem(kLong);
    cut.resize(eliding.size());
    QVERIFY(cut.grab().toImage() != a);
}

void TestElidingComboBox::tooltipGivesTheWholeText()
{
    ElidingComboBox box;
    box.addItem(kLong);
    box.setToolTip(QStringLiteral("The model's size & shape"));
    box.resize(110, box.sizeHint().height());
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    const QPoint at(10, box.height() / 2);
    QHelpEvent help(QEvent::ToolTip, at, box.mapToGlobal(at));
    QVERIFY(QCoreApplication::sendEvent(&box, &help));
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().startsWith(QStringLiteral("<qt>") + kLong.toHtmlEscaped())); // shown as rich text
    QVERIFY(QToolTip::text().endsWith(QStringLiteral("The model's size &amp; shape")));
    QToolTip::hideText();
    QTRY_VERIFY(!QToolTip::isVisible());
    // Wide enough, the box shows only its own tooltip.
    box.resize(box.fontMetrics().horizontalAdvance(kLong) + 80, box.height());
    QHelpEvent again(QEvent::ToolTip, at, box.mapToGlobal(at));
    QCoreApplication::sendEvent(&box, &again);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), QStringLiteral("The model's size & shape"));
}

QTEST_MAIN(TestElidingComboBox)
#include "tst_elidingcombobox.moc"
