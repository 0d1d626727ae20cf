#include "timestepscrubber.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QToolButton>

class TestTimestepScrubber : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rangeAndValueClamp();
    void keys_data();
    void keys();
    void keysOnSliderBehaveTheSame_data();
    void keysOnSliderBehaveTheSame();
    void keysWhenScrubberHasFocus();
    void spaceTogglesPlaying();
    void playingReachesMaximumAndStops();
    void playAtMaximumRestartsFromMinimum();
    void playButtonToggles();
    void fpsClamps_data();
    void fpsClamps();
    void labelFunction();
};

void TestTimestepScrubber::rangeAndValueClamp()
{
    TimestepScrubber scrubber;
    scrubber.setRange(0, 999);
    QCOMPARE(scrubber.minimum(), 0);
    QCOMPARE(scrubber.maximum(), 999);
    QSignalSpy changed(&scrubber, &TimestepScrubber::valueChanged);
    scrubber.setValue(500);
    QCOMPARE(scrubber.value(), 500);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 500);
    scrubber.setValue(500);
    QCOMPARE(changed.count(), 1); // no change, no signal
    scrubber.setValue(5000);
    QCOMPARE(scrubber.value(), 999);
    scrubber.setValue(-3);
    QCOMPARE(scrubber.value(), 0);
    scrubber.setRange(10, 20);
    QCOMPARE(scrubber.value(), 10);
}

void TestTimestepScrubber::keys_data()
{
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("emitted");

    // Range 0..100.
    QTest::newRow("Right") << 50 << int(Qt::Key_Right) << 51 << 1;
    QTest::newRow("Left") << 50 << int(Qt::Key_Left) << 49 << 1;
    QTest::newRow("Home") << 50 << int(Qt::Key_Home) << 0 << 1;
    QTest::newRow("End") << 50 << int(Qt::Key_End) << 100 << 1;
    QTest::newRow("Right at max") << 100 << int(Qt::Key_Right) << 100 << 0;
    QTest::newRow("Left at min") << 0 << int(Qt::Key_Left) << 0 << 0;
    QTest::newRow("PageUp") << 50 << int(Qt::Key_PageUp) << 60 << 1;
    QTest::newRow("PageDown") << 50 << int(Qt::Key_PageDown) << 40 << 1;
}

void TestTimestepScrubber::keys()
{
    QFETCH(int, start);
    QFETCH(int, key);
    QFETCH(int, expected);
    QFETCH(int, emitted);

    TimestepScrubber scrubber;
    scrubber.setRange(0, 100);
    scrubber.setValue(start);
    QSignalSpy changed(&scrubber, &TimestepScrubber::valueChanged);
    QTest::keyClick(&scrubber, Qt::Key(key));
    QCOMPARE(scrubber.value(), expected);
    QCOMPARE(changed.count(), emitted);
    if (emitted > 0)
        QCOMPARE(changed.last().at(0).toInt(), expected);
}

void TestTimestepScrubber::keysOnSliderBehaveTheSame_data()
{
    keys_data();
}

void TestTimestepScrubber::keysOnSliderBehaveTheSame()
{
    QFETCH(int, start);
    QFETCH(int, key);
    QFETCH(int, expected);
    QFETCH(int, emitted);

    TimestepScrubber scrubber;
    scrubber.setRange(0, 100);
    scrubber.setValue(start);
    auto* slider = scrubber.findChild<QSlider*>();
    QVERIFY(slider);
    QSignalSpy changed(&scrubber, &TimestepScrubber::valueChanged);
    QTest::keyClick(slider, Qt::Key(key));
    QCOMPARE(scrubber.value(), expected);
    QCOMPARE(changed.count(), emitted);
}

void TestTimestepScrubber::keysWhenScrubberHasFocus()
{
    TimestepScrubber scrubber;
    scrubber.setRange(0, 10);
    scrubber.setValue(5);
    QCOMPARE(scrubber.focusPolicy(), Qt::StrongFocus);
    scrubber.show();
    QVERIFY(QTest::qWaitForWindowActive(&scrubber));
    scrubber.setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), &scrubber);

    // Sent to the window: delivered to whichever widget has focus.
    QTest::keyClick(scrubber.window()->windowHandle(), Qt::Key_Right);
    QCOMPARE(scrubber.value(), 6);
    QTest::keyClick(scrubber.window()->windowHandle(), Qt::Key_End);
    QCOMPARE(scrubber.value(), 10);
    QTest::keyClick(scrubber.window()->windowHandle(), Qt::Key_Home);
    QCOMPARE(scrubber.value(), 0);
}

void TestTimestepScrubber::spaceTogglesPlaying()
{
    TimestepScrubber scrubber;
    scrubber.setRange(0, 1000);
    scrubber.setFps(1);
    QSignalSpy playing(&scrubber, &TimestepScrubber::playingChanged);
    QVERIFY(!scrubber.isPlaying());

    QTest::keyClick(&scrubber, Qt::Key_Space);
    QVERIFY(scrubber.isPlaying());
    QCOMPARE(playing.count(), 1);
    QCOMPARE(playing.at(0).at(0).toBool(), true);

    QTest::keyClick(&scrubber, Qt::Key_Space);
    QVERIFY(!scrubber.isPlaying());
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
}

void TestTimestepScrubber::playingReachesMaximumAndStops()
{
    TimestepScrubber scrubber;
    scrubber.setRange(0, 12);
    scrubber.setFps(60);
    QSignalSpy changed(&scrubber, &TimestepScrubber::valueChanged);
    QSignalSpy playing(&scrubber, &TimestepScrubber::playingChanged);

    scrubber.play();
    QVERIFY(scrubber.isPlaying());
    QTRY_COMPARE(scrubber.value(), 12);
    QTRY_VERIFY(!scrubber.isPlaying());
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.last().at(0).toBool(), false);

    // One step at a time, in order.
    QCOMPARE(changed.count(), 12);
    for (int i = 0; i < changed.count(); ++i)
        QCOMPARE(changed.at(i).at(0).toInt(), i + 1);

    // With a stride of 5: 5, 10, then the maximum itself; the keys still move by one.
    scrubber.setPlaybackStride(5);
    scrubber.setValue(0);
    changed.clear();
    scrubber.play();
    QTRY_VERIFY(!scrubber.isPlaying());
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.at(0).at(0).toInt(), 5);
    QCOMPARE(changed.at(1).at(0).toInt(), 10);
    QCOMPARE(changed.at(2).at(0).toInt(), 12);
    QTest::keyClick(&scrubber, Qt::Key_Left);
    QCOMPARE(scrubber.value(), 11);
}

void TestTimestepScrubber::playAtMaximumRestartsFromMinimum()
{
    TimestepScrubber scrubber;
    scrubber.setRange(3, 6);
    scrubber.setFps(60);
    scrubber.setValue(6);
    scrubber.play();
    QCOMPARE(scrubber.value(), 3);
    QTRY_COMPARE(scrubber.value(), 6);
    QTRY_VERIFY(!scrubber.isPlaying());

    // Nothing to play in an empty range.
    scrubber.setRange(4, 4);
    scrubber.play();
    QVERIFY(!scrubber.isPlaying());
}

void TestTimestepScrubber::playButtonToggles()
{
    TimestepScrubber scrubber;
    // Nothing to play before there are frames: the button says so by being greyed, not by doing nothing.
    QVERIFY(!scrubber.findChild<QToolButton*>()->isEnabled());
    scrubber.setRange(0, 100);
    QVERIFY(scrubber.findChild<QToolButton*>()->isEnabled());
    scrubber.setFps(1);
    auto* button = scrubber.findChild<QToolButton*>();
    QVERIFY(button);
    QCOMPARE(button->focusPolicy(), Qt::NoFocus);
    button->click();
    QVERIFY(scrubber.isPlaying());
    button->click();
    QVERIFY(!scrubber.isPlaying());
}

void TestTimestepScrubber::fpsClamps_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("24") << 24 << 24;
    QTest::newRow("60") << 60 << 60;
    QTest::newRow("0") << 0 << 1;
    QTest::newRow("240") << 240 << 60;
}

void TestTimestepScrubber::fpsClamps()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    TimestepScrubber scrubber;
    scrubber.setFps(requested);
    QCOMPARE(scrubber.fps(), expected);
    auto* spinBox = scrubber.findChild<QSpinBox*>();
    QVERIFY(spinBox);
    QCOMPARE(spinBox->value(), expected);
    // The speed is the playback's: a frame every 1000/fps ms (the one timer the scrubber plays with), set
    // through the spin box as a user would too.
    auto* timer = scrubber.findChild<QTimer*>();
    QVERIFY(timer);
    QCOMPARE(timer->interval(), 1000 / expected);
    spinBox->setValue(spinBox->minimum());
    QCOMPARE(timer->interval(), 1000 / spinBox->minimum());
}

void TestTimestepScrubber::labelFunction()
{
    TimestepScrubber scrubber;
    scrubber.setRange(0, 999);
    scrubber.setValue(476);
    QCOMPARE(scrubber.labelText(), QStringLiteral("476"));

    scrubber.setLabelFunction([](int index) { return QStringLiteral("t = %1").arg(999 - index); });
    QCOMPARE(scrubber.labelText(), QStringLiteral("t = 523"));
    QTest::keyClick(&scrubber, Qt::Key_Right);
    QCOMPARE(scrubber.labelText(), QStringLiteral("t = 522"));

    // The text is on screen, not only in the accessor.
    bool shown = false;
    for (const QLabel* label : scrubber.findChildren<QLabel*>())
        shown = shown || label->text() == QStringLiteral("t = 522");
    QVERIFY(shown);
}

QTEST_MAIN(TestTimestepScrubber)
#include "tst_timestepscrubber.moc"
