#include "reverseruns.h"

#include "animation.h"
#include "imageio.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

ReverseRuns::ReverseRuns()
{
    m_runs.append(Run{});
}

ReverseRuns::Change ReverseRuns::begin(int totalFrames, const QString& title, const QString& replacedSuffix)
{
    if (!m_runs.front().frames.isEmpty()) {
        Run& previous = m_runs.front();
        if (previous.running) {
            previous.running = false;
            previous.clock.stop();
            previous.title += replacedSuffix;
        }
        m_runs.prepend(Run{});
    }
    Run fresh;
    fresh.title = title;
    fresh.total = totalFrames;
    fresh.running = true;
    fresh.clock.start(std::max(0, totalFrames - 1));
    m_runs.front() = std::move(fresh);
    while (m_runs.size() > kMaxRuns)
        m_runs.removeLast();
    m_shown = 0;
    return enforceBudget(m_runs.front());
}

void ReverseRuns::setOrigin(const RunOrigin& origin, const QString& note)
{
    Run& r = m_runs.front();
    r.origin = origin;
    r.note = note;
    r.schedule.reset();
    if (origin.request.model)
        r.schedule.emplace(origin.request.model->config.schedule);
}

ReverseRuns::Change ReverseRuns::setTimesteps(const std::vector<int>& timesteps)
{
    Run& r = m_runs.front();
    r.timesteps = timesteps;
    r.total = static_cast<int>(timesteps.size()) + 1;
    r.clock.start(static_cast<int>(timesteps.size()));
    return enforceBudget(r);
}

ReverseRuns::Change ReverseRuns::addFrames(const QList<SampleFrame>& frames, QList<int>* appended)
{
    Run& live = m_runs.front(); // frames always belong to the newest run
    if (frames.isEmpty())
        return {};
    for (const auto& f : frames) {
        if (f.step % live.keepEvery != 0 && f.t != 0)
            continue;
        live.frames.append(f);
        live.bytes += sizeOf(f);
        if (appended)
            appended->append(static_cast<int>(live.frames.size()) - 1);
    }
    live.clock.update(frames.constLast().step);
    return enforceBudget(live);
}

void ReverseRuns::end(bool completed, const QString& unfinishedSuffix)
{
    Run& live = m_runs.front();
    live.running = false;
    live.completed = completed;
    if (completed)
        live.clock.update(live.clock.total());
    live.clock.stop();
    if (!completed)
        live.title += unfinishedSuffix;
}

bool ReverseRuns::setShown(int index)
{
    if (index < 0 || index >= m_runs.size())
        return false;
    m_shown = index;
    return true;
}

const ReverseRuns::Run& ReverseRuns::shown() const
{
    return m_runs.at(std::clamp(m_shown, 0, static_cast<int>(m_runs.size()) - 1));
}

qint64 ReverseRuns::sizeOf(const SampleFrame& f)
{
    qint64 bytes = f.xtState.defined() ? static_cast<qint64>(f.xtState.nbytes()) : 0;
    for (const auto* list : {&f.xt, &f.x0Hat, &f.epsHat})
        for (const QImage& image : *list)
            bytes += image.sizeInBytes();
    return bytes;
}

qint64 ReverseRuns::frameBytes() const
{
    qint64 bytes = 0;
    for (const Run& r : m_runs)
        bytes += r.bytes;
    return bytes;
}

ReverseRuns::Change ReverseRuns::enforceBudget(Run& live)
{
    Change change;
    // The run itself keeps every 2nd, 4th, … step (x_T and x_0 always) to stay within its budget.
    while (live.bytes > kFrameBudgetBytes && live.frames.size() > 2) {
        live.keepEvery *= 2;
        QList<SampleFrame> kept;
        live.bytes = 0;
        for (const SampleFrame& f : live.frames) {
            if (f.step % live.keepEvery == 0 || f.t == 0) {
                kept.append(f);
                live.bytes += sizeOf(f);
            }
        }
        live.frames = std::move(kept);
        change.thinned = true;
    }
    // Earlier runs give way, oldest first, when all of them together go beyond the history's budget; never
    // the live run (the first) nor the one shown, which the view, Fork here and the exports act on.
    while (frameBytes() > kHistoryBudgetBytes) {
        int oldest = static_cast<int>(m_runs.size()) - 1;
        if (oldest == m_shown)
            --oldest;
        if (oldest < 1)
            break;
        m_runs.removeAt(oldest);
        if (oldest < m_shown)
            --m_shown;
        change.dropped = true;
    }
    return change;
}

QList<QImage> ReverseRuns::finalImages() const
{
    const Run& r = shown();
    if (!r.completed || r.frames.isEmpty() || r.frames.constLast().t != 0)
        return {};
    return r.frames.constLast().xt;
}

QList<QList<QImage>> ReverseRuns::animationSources(int maxFrames) const
{
    QList<QList<QImage>> out;
    const auto& frames = shown().frames;
    const int n = static_cast<int>(frames.size());
    if (n == 0)
        return out;
    for (int i : animationSteps(n - 1, maxFrames)) // as ddpm sample --gif spreads them
        out << frames[i].xt;
    return out;
}

QList<int> ReverseRuns::animationTimesteps(int maxFrames) const
{
    QList<int> out;
    const auto& frames = shown().frames;
    if (frames.isEmpty())
        return out;
    for (int i : animationSteps(static_cast<int>(frames.size()) - 1, maxFrames)) // animationSources' frames
        out << frames[i].t;
    return out;
}

bool ReverseRuns::takesColumn(const Run& r, const SampleFrame& f, int& nextColumnStep)
{
    // Evenly spaced steps (x_T … x_0); with steps thinned out, the next one kept.
    const int every = std::max(1, (r.total + kStripColumns - 1) / kStripColumns);
    if (f.t != 0 && f.step < nextColumnStep)
        return false;
    nextColumnStep = (f.step / every + 1) * every;
    return true;
}

QList<int> ReverseRuns::stripFrames() const
{
    const Run& r = shown();
    QList<int> out;
    int next = 0;
    for (qsizetype i = 0; i < r.frames.size(); ++i)
        if (takesColumn(r, r.frames[i], next))
            out.append(static_cast<int>(i));
    return out;
}

QString ReverseRuns::columnLabel(const SampleFrame& f)
{
    return f.t == 0 ? tr("x₀") : tr("t = %1").arg(QLocale().toString(f.t));
}

QImage ReverseRuns::gridOf(const QList<QImage>& images, int scale)
{
    return ddpm::makeGrid(images, squareGridColumns(static_cast<int>(images.size())), kGridPadding, scale);
}

QList<QImage> ReverseRuns::animationFramesFrom(const QList<QList<QImage>>& sources, int scale)
{
    QList<QImage> out;
    for (const QList<QImage>& images : sources)
        out << gridOf(images, scale);
    return out;
}

QImage ReverseRuns::scoreGridOf(const SampleFrame& frame)
{
    QList<QImage> negated;
    for (QImage image : frame.epsHat) {
        image.invertPixels();
        negated << image;
    }
    return gridOf(negated, 1);
}

QString ReverseRuns::scoreCaption(const Run& run, int t)
{
    if (t < 1 || !run.schedule || t > run.schedule->steps())
        return tr("score s = −ε̂/√(1 − ᾱₜ)");
    const double scale = 3.0 * scoreScale(*run.schedule, t); // ε̂ is shown on ±3
    return tr("score s = −ε̂/√(1 − ᾱₜ), shown on ±%1").arg(QLocale().toString(scale, 'g', 3));
}
