#include "timestepscrubber.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

TimestepScrubber::TimestepScrubber(QWidget* parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_playButton(new QToolButton(this))
    , m_fpsSpinBox(new QSpinBox(this))
    , m_label(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);

    m_slider->setRange(0, 0);
    m_slider->setSingleStep(1);
    m_slider->setTracking(true);
    m_slider->installEventFilter(this);

    // The button would otherwise take Space for itself and toggle twice.
    m_playButton->setFocusPolicy(Qt::NoFocus);
    m_playButton->setAutoRaise(true);

    m_fpsSpinBox->setRange(MinimumFps, MaximumFps);
    m_fpsSpinBox->setValue(10);
    m_fpsSpinBox->setSuffix(tr(" fps"));
    m_fpsSpinBox->setToolTip(tr("Playback speed in frames per second"));

    m_label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_timer->setTimerType(Qt::PreciseTimer);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_playButton);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_fpsSpinBox);

    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        updateLabel();
        Q_EMIT valueChanged(value);
    });
    connect(m_playButton, &QToolButton::clicked, this, &TimestepScrubber::togglePlaying);
    connect(m_fpsSpinBox, &QSpinBox::valueChanged, this, &TimestepScrubber::updateTimerInterval);
    connect(m_timer, &QTimer::timeout, this, &TimestepScrubber::advance);

    updateTimerInterval();
    updatePlayButton();
    updateLabelWidth();
    updateLabel();
}

TimestepScrubber::~TimestepScrubber() = default;

void TimestepScrubber::setRange(int minimum, int maximum)
{
    if (maximum < minimum)
        std::swap(minimum, maximum);
    m_slider->setRange(minimum, maximum);
    m_slider->setPageStep(std::max(1, (maximum - minimum) / 10));
    if (isPlaying() && minimum == maximum)
        pause();
    updatePlayButton(); // nothing to play over a single frame
    updateLabelWidth();
    updateLabel();
}

int TimestepScrubber::minimum() const
{
    return m_slider->minimum();
}

int TimestepScrubber::maximum() const
{
    return m_slider->maximum();
}

int TimestepScrubber::value() const
{
    return m_slider->value();
}

void TimestepScrubber::setValue(int value)
{
    m_slider->setValue(value);
}

void TimestepScrubber::setLabelFunction(std::function<QString(int)> function)
{
    m_labelFunction = std::move(function);
    updateLabelWidth();
    updateLabel();
}

QString TimestepScrubber::labelText() const
{
    return m_label->text();
}

bool TimestepScrubber::isPlaying() const
{
    return m_timer->isActive();
}

int TimestepScrubber::fps() const
{
    return m_fpsSpinBox->value();
}

void TimestepScrubber::setFps(int fps)
{
    m_fpsSpinBox->setValue(std::clamp(fps, int(MinimumFps), int(MaximumFps)));
}

void TimestepScrubber::play()
{
    if (isPlaying() || minimum() == maximum())
        return;
    if (value() >= maximum())
        setValue(minimum());
    m_timer->start();
    updatePlayButton();
    Q_EMIT playingChanged(true);
}

void TimestepScrubber::pause()
{
    if (!isPlaying())
        return;
    m_timer->stop();
    updatePlayButton();
    Q_EMIT playingChanged(false);
}

void TimestepScrubber::togglePlaying()
{
    if (isPlaying())
        pause();
    else
        play();
}

void TimestepScrubber::setPlaybackStride(int stride)
{
    m_stride = std::max(1, stride);
}

int TimestepScrubber::playbackStride() const
{
    return m_stride;
}

void TimestepScrubber::advance()
{
    if (value() < maximum())
        setValue(std::min(maximum(), value() + m_stride)); // the last value is always shown
    if (value() >= maximum())
        pause();
}

bool TimestepScrubber::handleKey(QKeyEvent* event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Left:
        setValue(value() - 1);
        return true;
    case Qt::Key_Right:
        setValue(value() + 1);
        return true;
    case Qt::Key_PageUp:
        setValue(value() + m_slider->pageStep());
        return true;
    case Qt::Key_PageDown:
        setValue(value() - m_slider->pageStep());
        return true;
    case Qt::Key_Home:
        setValue(minimum());
        return true;
    case Qt::Key_End:
        setValue(maximum());
        return true;
    case Qt::Key_Space:
        if (event->isAutoRepeat())
            return true;
        togglePlaying();
        return true;
    default:
        return false;
    }
}

void TimestepScrubber::keyPressEvent(QKeyEvent* event)
{
    if (handleKey(event))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

bool TimestepScrubber::eventFilter(QObject* watched, QEvent* event)
{
    // The slider has keys of its own (Up/Down, a different PageUp direction); give it the scrubber's.
    if (watched == m_slider && event->type() == QEvent::KeyPress) {
        if (handleKey(static_cast<QKeyEvent*>(event)))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void TimestepScrubber::updateLabel()
{
    m_label->setText(m_labelFunction ? m_labelFunction(value()) : QString::number(value()));
}

void TimestepScrubber::updateLabelWidth()
{
    // Reserve room for the widest label so that the slider does not jump while playing.
    const QFontMetrics metrics = m_label->fontMetrics();
    int width = 0;
    for (const int v : {minimum(), maximum(), (minimum() + maximum()) / 2}) {
        const QString text = m_labelFunction ? m_labelFunction(v) : QString::number(v);
        width = std::max(width, metrics.horizontalAdvance(text));
    }
    width = std::max(width, metrics.horizontalAdvance(QStringLiteral("0000")));
    m_label->setMinimumWidth(width + metrics.horizontalAdvance(QLatin1Char('0')));
}

void TimestepScrubber::updatePlayButton()
{
    const bool playing = isPlaying();
    m_playButton->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setText(playing ? tr("Pause") : tr("Play"));
    m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    m_playButton->setEnabled(playing || minimum() < maximum());
}

void TimestepScrubber::updateTimerInterval()
{
    m_timer->setInterval(1000 / std::max(1, fps()));
}
