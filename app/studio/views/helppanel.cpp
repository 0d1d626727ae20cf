#include "helppanel.h"

#include "options.h"

#include <QEvent>
#include <QLocale>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

// One displayed equation, its number (if any) right-aligned as in the paper.
QString equation(const QString& body, const QString& number = QString())
{
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" style=\"margin-top:4px; "
                          "margin-bottom:6px;\"><tr><td style=\"padding-left:16px; font-family:serif; "
                          "font-size:large;\">%1</td><td align=\"right\" valign=\"middle\" "
                          "style=\"white-space:nowrap;\">%2</td></tr></table>")
        .arg(body, number);
}

QString paragraph(const QString& text)
{
    return QStringLiteral("<p>%1</p>").arg(text);
}

QString heading(const QString& text)
{
    return QStringLiteral("<h3>%1</h3>").arg(text);
}

QString list(const QStringList& items, bool ordered = false)
{
    QString html = QLatin1String(ordered ? "<ol>" : "<ul>");
    for (const QString& item : items)
        html += QStringLiteral("<li>%1</li>").arg(item);
    html += QLatin1String(ordered ? "</ol>" : "</ul>");
    return html;
}

QString link(const QString& url, const QString& text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url, text);
}

const QString kHoUrl = QStringLiteral("https://arxiv.org/abs/2006.11239");
const QString kSongUrl = QStringLiteral("https://arxiv.org/abs/2010.02502");
const QString kNicholUrl = QStringLiteral("https://arxiv.org/abs/2102.09672");

} // namespace

HelpPanel::HelpPanel(QWidget* parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    m_browser->setOpenExternalLinks(true);
    m_browser->setFrameShape(QFrame::NoFrame);
    // Wide enough for a table of values and an equation's terms; a long equation wraps between its terms
    // rather than hiding its end (Algorithm 2's + σ_t z) behind a scroll bar.
    setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    render();
}

HelpPanel::~HelpPanel() = default;

void HelpPanel::setTopic(Topic topic)
{
    if (topic == m_topic)
        return;
    m_topic = topic;
    render();
    m_browser->verticalScrollBar()->setValue(0); // a new text starts at its top
}

HelpPanel::Topic HelpPanel::topic() const
{
    return m_topic;
}

void HelpPanel::setLiveValues(const QMap<QString, QString>& values)
{
    if (values == m_liveValues)
        return;
    m_liveValues = values;
    render();
}

QMap<QString, QString> HelpPanel::liveValues() const
{
    return m_liveValues;
}

void HelpPanel::clearLiveValues()
{
    setLiveValues({});
}

QTextBrowser* HelpPanel::textBrowser() const
{
    return m_browser;
}

QString HelpPanel::topicTitle(Topic topic) const
{
    switch (topic) {
    case Data:
        return tr("The forward process: adding noise");
    case Training:
        return tr("Training: learning to predict the noise");
    case Reverse:
        return tr("The reverse process: sampling");
    case Schedules:
        return tr("Noise schedules");
    case Quality:
        return tr("How good are the samples?");
    case Score:
        return tr("The score: what ε̂ really is");
    }
    return QString();
}

QSize HelpPanel::sizeHint() const
{
    return QSize(fontMetrics().averageCharWidth() * 56, fontMetrics().height() * 30);
}

void HelpPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) {
        m_renderedHtml.clear();
        render();
    }
    QWidget::changeEvent(event);
}

void HelpPanel::render()
{
    const QString html = QStringLiteral("<h2>%1</h2>").arg(topicTitle(m_topic)) + nowHtml() + topicHtml(m_topic);
    if (html == m_renderedHtml)
        return;
    m_renderedHtml = html;
    // Live values change several times a second: keep the reader's place in the text.
    QScrollBar* bar = m_browser->verticalScrollBar();
    const int position = bar->value();
    m_browser->setHtml(html);
    bar->setValue(position);
}

QString HelpPanel::topicHtml(Topic topic) const
{
    switch (topic) {
    case Data:
        return dataHtml();
    case Training:
        return trainingHtml();
    case Reverse:
        return reverseHtml();
    case Schedules:
        return schedulesHtml();
    case Quality:
        return qualityHtml();
    case Score:
        return scoreHtml();
    }
    return QString();
}

QString HelpPanel::nowHtml() const
{
    if (m_liveValues.isEmpty())
        return QString();

    struct Known {
        const char* key;
        QString symbol;
        QString meaning;
    };
    // "step" and t mean different things in each view.
    QString stepMeaning = tr("training steps so far");
    QString tMeaning = tr("timestep, 1 … T");
    if (m_topic == Reverse) {
        stepMeaning = tr("denoising step of this run, of all its steps");
        tMeaning = tr("timestep of the x<sub><i>t</i></sub> shown, which the model sees at this step (0: x₀, where "
                      "the run ends)");
    } else if (m_topic == Data) {
        tMeaning = tr("timestep of the x<sub><i>t</i></sub> shown, 1 … T (0: the clean image)");
    }
    const QList<Known> known = {
        {"step", tr("step"), stepMeaning},
        {"t", QStringLiteral("<i>t</i>"), tMeaning},
        {"T", QStringLiteral("<i>T</i>"), tr("number of diffusion steps")},
        {"beta", QStringLiteral("β<sub><i>t</i></sub>"), tr("variance of the noise added at this step")},
        {"alpha", QStringLiteral("α<sub><i>t</i></sub>"), tr("1 − β<sub><i>t</i></sub>, variance kept by this step")},
        {"alpha_bar", QStringLiteral("ᾱ<sub><i>t</i></sub>"), tr("share of the signal variance left")},
        {"sqrt_alpha_bar", QStringLiteral("√ᾱ<sub><i>t</i></sub>"), tr("scale of the image in x<sub><i>t</i></sub>")},
        {"sqrt_one_minus_alpha_bar", QStringLiteral("√(1 − ᾱ<sub><i>t</i></sub>)"),
         tr("scale of the noise in x<sub><i>t</i></sub>")},
        {"snr", tr("SNR<sub><i>t</i></sub>"),
         tr("signal-to-noise ratio ᾱ<sub><i>t</i></sub> / (1 − ᾱ<sub><i>t</i></sub>)")},
        {"log_snr", tr("log SNR<sub><i>t</i></sub>"), tr("above 0: mostly image; below 0: mostly noise")},
        {"sigma", QStringLiteral("σ<sub><i>t</i></sub>"), tr("standard deviation of the noise added while sampling")},
        {"eta", QStringLiteral("η"), tr("DDIM stochasticity, 0 = deterministic")},
        {"loss", tr("loss"),
         tr("mean squared error per pixel of the network's prediction: ‖ε − ε<sub>θ</sub>‖² for ε-prediction (the "
            "paper's), the same of x<sub>0</sub> or v for a model that predicts those")},
        {"loss_smoothed", tr("smoothed loss"), tr("the loss averaged over recent steps, as the chart draws it")},
        {"fid", tr("Fréchet distance"), tr("between the samples' and the test images' classifier features")},
        {"fid_floor", tr("floor"), tr("the distance of real training images to the test images")},
        {"ratio", tr("distance ÷ floor"), tr("1 would be as close as real images")},
        {"confidence", tr("confidence"), tr("the classifier's mean top probability on the samples")},
        {"score_scale", QStringLiteral("1/√(1 − ᾱ<sub><i>t</i></sub>)"),
         tr("the score is ε̂ times minus this: s<sub>θ</sub> = −ε̂ / √(1 − ᾱ<sub><i>t</i></sub>)")},
        {"langevin_eta", tr("Langevin η<sub><i>t</i></sub>"),
         tr("the Langevin step size here, %1 (1 − ᾱ<sub><i>t</i></sub>): noise √η per step")
             .arg(ddpm::SamplerOptions{}.langevinStep)},
        {"score_error", tr("score error"),
         tr("mean ‖s<sub>θ</sub> − ∇ log q<sub><i>t</i></sub>‖ ÷ mean ‖∇ log q<sub><i>t</i></sub>‖ at points of "
            "q<sub><i>t</i></sub>")},
        {"sampler", tr("sampler"), tr("the method of this run")},
    };

    const QString rowTemplate =
        QStringLiteral("<tr><td style=\"padding-right:10px;\">%1</td><td style=\"padding-right:12px;\"><b>%2</b></td>"
                       "<td>%3</td></tr>");
    QString rows;
    QStringList listed;
    for (const Known& k : known) {
        const QString key = QString::fromLatin1(k.key);
        const auto it = m_liveValues.constFind(key);
        if (it == m_liveValues.cend())
            continue;
        rows += rowTemplate.arg(k.symbol, it.value().toHtmlEscaped(),
                                QStringLiteral("<span style=\"color:%1;\">%2</span>")
                                    .arg(palette().color(QPalette::PlaceholderText).name(), k.meaning));
        listed.append(key);
    }
    for (auto it = m_liveValues.cbegin(); it != m_liveValues.cend(); ++it) {
        if (!listed.contains(it.key()))
            rows += rowTemplate.arg(it.key().toHtmlEscaped(), it.value().toHtmlEscaped(), QString());
    }

    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" bgcolor=\"%1\" "
                          "style=\"margin-bottom:8px;\"><tr><td><b>%2</b>"
                          "<table cellspacing=\"0\" cellpadding=\"1\">%3</table></td></tr></table>")
        .arg(palette().color(QPalette::AlternateBase).name(), tr("Now"), rows);
}

QString HelpPanel::dataHtml() const
{
    QString html;
    html += paragraph(tr("Training images x<sub>0</sub> are scaled to [−1, 1]. The forward process destroys "
                         "them in T small steps, each adding a little Gaussian noise:"));
    html += equation(tr("q(x<sub><i>t</i></sub> | x<sub><i>t</i>−1</sub>) = "
                        "𝒩(√(1 − β<sub><i>t</i></sub>) x<sub><i>t</i>−1</sub>, β<sub><i>t</i></sub> I)"),
                     tr("(eq. %1)").arg(2));
    html += paragraph(tr("Gaussians add up to a Gaussian, so any step can be reached from x<sub>0</sub> in "
                         "one jump, without running the chain:"));
    html += equation(tr("x<sub><i>t</i></sub> = √ᾱ<sub><i>t</i></sub> x<sub>0</sub> + "
                        "√(1 − ᾱ<sub><i>t</i></sub>) ε, &nbsp; ε ~ 𝒩(0, I)"),
                     tr("(eq. %1)").arg(4));
    html += list({
        tr("<b>β<sub><i>t</i></sub></b>: the variance of the noise added at step t, set by the schedule."),
        tr("<b>α<sub><i>t</i></sub> = 1 − β<sub><i>t</i></sub></b>: the share of the variance one step keeps."),
        tr("<b>ᾱ<sub><i>t</i></sub> = α<sub>1</sub> α<sub>2</sub> ⋯ α<sub><i>t</i></sub></b>: the share of "
           "the image's variance left after t steps. √ᾱ<sub><i>t</i></sub> scales the image, "
           "√(1 − ᾱ<sub><i>t</i></sub>) the noise."),
        tr("<b>SNR<sub><i>t</i></sub> = ᾱ<sub><i>t</i></sub> / (1 − ᾱ<sub><i>t</i></sub>)</b>: the "
           "signal-to-noise ratio. Above 1 the image dominates, below 1 the noise."),
    });
    html += heading(tr("Why the histogram turns into 𝒩(0, 1)"));
    html += paragraph(tr("The pixel histogram of x<sub><i>t</i></sub> is the data's histogram shrunk by "
                         "√ᾱ<sub><i>t</i></sub>, blurred by noise of variance 1 − ᾱ<sub><i>t</i></sub>. "
                         "As t grows, ᾱ<sub><i>t</i></sub> falls towards 0 (about 4·10<sup>−5</sup> at "
                         "t = 1000 for the linear schedule), so the image's part vanishes and what is left "
                         "is a standard normal: exactly where the reverse process starts. Shrinking by "
                         "√(1 − β<sub><i>t</i></sub>) at every step is what keeps the variance near 1 "
                         "instead of growing."));
    return html;
}

QString HelpPanel::trainingHtml() const
{
    QString html;
    html += paragraph(tr("The network ε<sub>θ</sub> is shown a noisy image and the timestep, and is "
                         "trained to tell which noise was added. %1, repeated until "
                         "converged:")
                          .arg(link(kHoUrl, tr("Algorithm 1 of Ho et al. 2020"))));
    html += list(
        {
            tr("Take a batch of training images x<sub>0</sub>."),
            tr("Draw a timestep t uniformly from {1, …, T} for each image."),
            tr("Draw noise ε ~ 𝒩(0, I)."),
            tr("Make x<sub><i>t</i></sub> = √ᾱ<sub><i>t</i></sub> x<sub>0</sub> + "
               "√(1 − ᾱ<sub><i>t</i></sub>) ε in one jump (eq. 4)."),
            tr("Take a gradient step on the simple loss:"),
        },
        /*ordered=*/true);
    html += equation(tr("L<sub>simple</sub> = ‖ε − ε<sub>θ</sub>(x<sub><i>t</i></sub>, <i>t</i>)‖²"),
                     tr("(eq. %1)").arg(14));
    html += heading(tr("Loss per timestep"));
    html += paragraph(tr("Split by t, the loss of ε-prediction is highest at small t. There x<sub><i>t</i></sub> "
                         "is almost the clean image and the noise is a faint pattern on top of it, hard to "
                         "tell apart from the image's own fine detail. At large t, x<sub><i>t</i></sub> is "
                         "almost pure noise, so x<sub><i>t</i></sub> itself is already a good guess of ε "
                         "and the loss is small. The average loss flattens early; samples keep improving "
                         "long after."));
    html += heading(tr("EMA weights"));
    html += paragraph(tr("Samples are drawn with an exponential moving average of the weights, updated "
                         "after every step:"));
    html += equation(tr("θ<sub>EMA</sub> ← d<sub><i>n</i></sub> · θ<sub>EMA</sub> + (1 − d<sub><i>n</i></sub>) · θ,"
                        "   d<sub><i>n</i></sub> = min(d, (1 + <i>n</i>) / (10 + <i>n</i>))"));
    html += paragraph(tr("It averages away the jitter of single steps, so EMA samples are usually cleaner. "
                         "At step <i>n</i> the average reaches back about (10 + <i>n</i>) / 9 steps, a ninth "
                         "of the run, so that the random first weights soon drop out of it; from about "
                         "9 / (1 − d) steps on, it reaches back 1 / (1 − d) steps (1000 for d = 0.999; the "
                         "paper uses 0.9999). The EMA samples thus lag a little behind the raw weights."));
    return html;
}

QString HelpPanel::reverseHtml() const
{
    QString html;
    html += paragraph(tr("Sampling runs the chain backwards with the trained network (%1): start from pure "
                         "noise x<sub><i>T</i></sub> ~ 𝒩(0, I); for t = T, …, 1 draw z ~ 𝒩(0, I) (z = 0 "
                         "at t = 1) and step")
                          .arg(link(kHoUrl, tr("Algorithm 2 of Ho et al. 2020"))));
    html += equation(tr("x<sub><i>t</i>−1</sub> = (1 / √α<sub><i>t</i></sub>) · (x<sub><i>t</i></sub> − "
                        "β<sub><i>t</i></sub> / √(1 − ᾱ<sub><i>t</i></sub>) · ε<sub>θ</sub>(x<sub><i>t</i></sub>, "
                        "<i>t</i>)) + σ<sub><i>t</i></sub> z"));
    html += paragraph(tr("Two choices of the added variance work about equally well: "
                         "σ<sub><i>t</i></sub>² = β<sub><i>t</i></sub>, or the variance of the true "
                         "posterior q(x<sub><i>t</i>−1</sub> | x<sub><i>t</i></sub>, x<sub>0</sub>),"));
    html += equation(tr("σ<sub><i>t</i></sub>² = β̃<sub><i>t</i></sub> = β<sub><i>t</i></sub> "
                        "(1 − ᾱ<sub><i>t</i>−1</sub>) / (1 − ᾱ<sub><i>t</i></sub>)"),
                     tr("(eq. %1)").arg(7));
    html += heading(tr("The model's guess of the clean image"));
    html += paragraph(tr("Solving eq. 4 for x<sub>0</sub> with the predicted noise gives, at every step, "
                         "the current estimate of the final image (clipped to [−1, 1]):"));
    html += equation(tr("x̂<sub>0</sub> = (x<sub><i>t</i></sub> − √(1 − ᾱ<sub><i>t</i></sub>) "
                        "ε<sub>θ</sub>(x<sub><i>t</i></sub>, <i>t</i>)) / √ᾱ<sub><i>t</i></sub>"));
    html += paragraph(tr("At large t it is a blurry average of plausible images; coarse layout is decided "
                         "first, fine detail last."));
    html += heading(tr("DDIM"));
    html += paragraph(tr("%1 reuses the same network but jumps along a subsequence of timesteps, e.g. 50 "
                         "instead of 1000. From t to the next kept timestep s < t:")
                          .arg(link(kSongUrl, tr("DDIM (Song et al. 2021)"))));
    html += equation(tr("x<sub><i>s</i></sub> = √ᾱ<sub><i>s</i></sub> x̂<sub>0</sub> + "
                        "√(1 − ᾱ<sub><i>s</i></sub> − σ²) ε<sub>θ</sub> + σ z"));
    html += equation(tr("σ = η √((1 − ᾱ<sub><i>s</i></sub>) / (1 − ᾱ<sub><i>t</i></sub>)) "
                        "√(1 − ᾱ<sub><i>t</i></sub> / ᾱ<sub><i>s</i></sub>)"));
    html += paragraph(tr("η = 0 is deterministic: the same x<sub><i>T</i></sub> always gives the same image. "
                         "η = 1 adds DDPM-like noise; with every timestep kept it is DDPM with "
                         "σ<sub><i>t</i></sub>² = β̃<sub><i>t</i></sub>."));
    html += paragraph(tr("DDIM's S timesteps lie evenly over T … 1 by default, both ends kept, so the last step "
                         "starts at t = 1, where almost no noise is left. Trailing takes T, T − T/S, …, T/S "
                         "instead: every step spans T/S timesteps, and no network evaluation goes to that "
                         "nearly noise-free last step (Lin et al. 2024)."));
    html += langevinHtml();
    return html;
}

QString HelpPanel::langevinHtml() const
{
    QString html;
    html += heading(tr("ε̂ is a scaled score"));
    html += paragraph(tr("Given x<sub><i>t</i></sub>, the best guess of the noise in it points away from where "
                         "the noisy data are dense. Exactly: the ε that minimises the training loss is"));
    html += equation(tr("ε<sup>*</sup>(x<sub><i>t</i></sub>, <i>t</i>) = −√(1 − ᾱ<sub><i>t</i></sub>) "
                        "∇<sub>x</sub> log q<sub><i>t</i></sub>(x<sub><i>t</i></sub>)"));
    html += paragraph(tr("so the network's score is s<sub>θ</sub> = −ε<sub>θ</sub> / √(1 − ᾱ<sub><i>t</i></sub>), "
                         "and training with L<sub>simple</sub> is denoising score matching at every noise level "
                         "at once (%1, §3.2). The score grows as t falls: at small t the density is sharp.")
                          .arg(link(kHoUrl, tr("Ho et al. 2020"))));
    html += heading(tr("Langevin dynamics"));
    html += paragraph(tr("With a score, samples can be drawn by Langevin dynamics: many small steps uphill "
                         "plus noise,"));
    html += equation(tr("x ← x + (η/2) s<sub>θ</sub>(x, <i>t</i>) + √η z, &nbsp; z ~ 𝒩(0, I)"));
    html += paragraph(tr("here with η<sub><i>t</i></sub> = %3 (1 − ᾱ<sub><i>t</i></sub>), from the noisiest level "
                         "down (annealed, %1). At one small noise level alone the chain cannot cross between "
                         "modes: it finds them, but not their weights. Predictor–corrector (%2) follows each "
                         "DDPM or DDIM step with such steps, their size set by a signal-to-noise ratio r: "
                         "ε = 2 α<sub><i>t</i></sub> (r ‖z‖ / ‖s‖)², which for images (‖z‖² = D, ‖s‖² = D / (1 − "
                         "ᾱ<sub><i>t</i></sub>)) is 2 α<sub><i>t</i></sub> r² (1 − ᾱ<sub><i>t</i></sub>), the same for "
                         "every image; then x ← x + ε s + √(2ε) z. Algorithm 2 itself is one such step per level.")
                          .arg(link(QStringLiteral("https://arxiv.org/abs/1907.05600"), tr("Song & Ermon 2019")),
                               link(QStringLiteral("https://arxiv.org/abs/2011.13456"), tr("Song et al. 2021")),
                               QLocale().toString(ddpm::SamplerOptions{}.langevinStep)));
    return html;
}

QString HelpPanel::scoreHtml() const
{
    QString html;
    html +=
        paragraph(tr("In two dimensions the truth can be computed. For eight Gaussians on a ring the noisy "
                     "density q<sub><i>t</i></sub> is again a mixture, with means √ᾱ<sub><i>t</i></sub> μ<sub>k</sub> "
                     "and variances ᾱ<sub><i>t</i></sub> σ<sub>k</sub>² + 1 − ᾱ<sub><i>t</i></sub>, so its score is "
                     "known exactly (blue arrows). A small MLP with the U-Net's time embedding, trained by "
                     "Algorithm 1 on the points, gives the black arrows."));
    html += langevinHtml();
    html += heading(tr("What to try"));
    html += list({tr("Scrub t from T down: the field is almost linear (a Gaussian) at large t and splits into the "
                     "modes at small t."),
                  tr("Stop training early and compare the arrows and the error: the score is learned first where "
                     "the data are."),
                  tr("Sample with Langevin at one noise level on the ring with its exact score, then with "
                     "annealed Langevin: the first finds the modes but not their weights."),
                  tr("Draw your own points and train on them.")});
    return html;
}

QString HelpPanel::qualityHtml() const
{
    QString html;
    html += paragraph(tr("A loss curve says how well the network predicts noise, not how good the images are. "
                         "This view measures the samples themselves, with a small classifier trained on "
                         "Fashion-MNIST that ships with the program."));
    html += heading(tr("Fréchet distance"));
    html += paragraph(tr("The classifier's penultimate layer turns each image into a feature vector. The "
                         "features of the samples and of the test images are each summarised by a Gaussian "
                         "(mean μ, covariance Σ), and the two Gaussians are compared:"));
    html += equation(tr("d² = ‖μ<sub>s</sub> − μ<sub>r</sub>‖² + tr(Σ<sub>s</sub> + Σ<sub>r</sub> − "
                        "2 (Σ<sub>s</sub> Σ<sub>r</sub>)<sup>½</sup>)"));
    html += paragraph(tr("It is the FID of the literature computed with this classifier instead of Inception, "
                         "so its values are comparable between runs of this program, not with published "
                         "FIDs. Lower is better."));
    html += heading(tr("The floor"));
    html += paragraph(tr("The same distance from as many real training images to the test images: what a "
                         "perfect model would reach with this many samples, since a finite sample never "
                         "matches exactly. Distance ÷ floor near 1 means the samples are as close to the "
                         "data as real images are."));
    html += heading(tr("Confidence and class shares"));
    html += paragraph(tr("The classifier's mean top probability on the samples: high when the samples look "
                         "like clear members of a class, low for blurry or ambiguous ones. The class shares "
                         "should each be near 10 %: a model that draws some classes far more often than "
                         "others has lost diversity (mode collapse)."));
    html += heading(tr("Against the number of steps"));
    html += paragraph(tr("The sweep measures DDIM with 10 to 250 steps, DDPM with all of them, and DDIM with a "
                         "Langevin corrector and annealed Langevin dynamics at about 100 and 250 network "
                         "evaluations: how much quality each extra network evaluation buys, and the time per "
                         "image it costs."));
    html += heading(tr("Guidance"));
    html += paragraph(tr("A class-conditional model, trained with its class left out now and then, predicts the "
                         "noise with and without a class; classifier-free guidance mixes the two (Ho &amp; Salimans "
                         "2022):"));
    html += equation(tr("ε̃ = (1 + w) ε̂(x<sub>t</sub>, t, c) − w ε̂(x<sub>t</sub>, t)"));
    html += paragraph(tr("The Guidance chart measures every class in equal shares at several w: the Fréchet "
                         "distance against the share of samples the classifier puts in the class asked for. A "
                         "larger w raises that share and, past a point, the distance too: the images become "
                         "typical of their class and less varied."));
    html += heading(tr("Nearest training images"));
    html += paragraph(tr("Is a sample new, or a copy of a training image? Each sample is shown beside its nearest "
                         "training image in the classifier's features and beside its nearest in pixels. A sample "
                         "counts as a likely copy when it lies nearer to a training image than 99 % of the test "
                         "images do: a model that memorised its data scores near 100 %, one that generalises "
                         "near 1 %."));
    html += heading(tr("Likelihood bound"));
    html += paragraph(tr("Training minimises a bound on the negative log-likelihood of the data (Ho et al. 2020):"));
    html += equation(tr("−log p<sub>θ</sub>(x<sub>0</sub>) ≤ L<sub>T</sub> + Σ<sub>t&gt;1</sub> "
                        "L<sub>t−1</sub> + L<sub>0</sub>"),
                     tr("(eq. %1)").arg(5));
    html += paragraph(tr("Each L<sub>t−1</sub> is the KL divergence between the forward process's posterior "
                         "q(x<sub>t−1</sub> | x<sub>t</sub>, x<sub>0</sub>) and the model's step "
                         "p<sub>θ</sub>(x<sub>t−1</sub> | x<sub>t</sub>); with ε-prediction it is a weighted "
                         "noise error:"));
    html += equation(tr("L<sub>t−1</sub> = β<sub>t</sub>²/(2σ<sub>t</sub>²α<sub>t</sub>(1−ᾱ<sub>t</sub>)) ‖ε − ε̂‖²"),
                     tr("(eq. %1)").arg(12));
    html += paragraph(tr("L_simple drops the weight. The Likelihood bound tab measures the terms at some t on "
                         "held-out images, in bits per dimension, and adds them up; L<sub>0</sub> is the discrete "
                         "decoder's term and L<sub>T</sub> the prior's. <i>ddpm nll</i> measures every t of many "
                         "images."));
    return html;
}

QString HelpPanel::schedulesHtml() const
{
    QString html;
    html += paragraph(tr("The schedule β<sub>1</sub> … β<sub><i>T</i></sub> decides how fast the image is "
                         "destroyed, and so which noise levels the model spends its steps on."));
    html += list({
        tr("<b>Linear</b> (Ho et al. 2020): β<sub><i>t</i></sub> rises linearly from 10<sup>−4</sup> to "
           "0.02 over T = 1000 steps. Simple, but ᾱ<sub><i>t</i></sub> drops fast: below 0.03 from "
           "t ≈ 600 on, so for small images many late steps are almost pure noise."),
        tr("<b>Cosine</b> (%1): defined through ᾱ<sub><i>t</i></sub> = f(t) / f(0) with "
           "f(t) = cos²(((t/T + s) / (1 + s)) · π/2), s = 0.008, and "
           "β<sub><i>t</i></sub> = 1 − ᾱ<sub><i>t</i></sub> / ᾱ<sub><i>t</i>−1</sub> capped at 0.999 "
           "(f(T) = 0 would make β<sub><i>T</i></sub> = 1). ᾱ<sub><i>t</i></sub> falls almost linearly "
           "in the middle; the offset s keeps the first β<sub><i>t</i></sub> from being too small.")
            .arg(link(kNicholUrl, tr("Nichol &amp; Dhariwal 2021"))),
        tr("<b>Sigmoid</b>: β<sub><i>t</i></sub> = β<sub>1</sub> + (β<sub><i>T</i></sub> − β<sub>1</sub>) "
           "· sigmoid(x), x evenly spaced on [−6, 6]: small for a while, a steep rise in the middle, "
           "then level."),
        tr("<b>Quadratic</b>: √β<sub><i>t</i></sub> rises linearly, so β<sub><i>t</i></sub> starts "
           "slower than linear."),
    });
    html += heading(tr("Reading the log-SNR curve"));
    html += paragraph(tr("log SNR<sub><i>t</i></sub> = log(ᾱ<sub><i>t</i></sub> / (1 − ᾱ<sub><i>t</i></sub>)) "
                         "runs from large positive values (almost clean) through 0 (image and noise "
                         "equally strong, ᾱ<sub><i>t</i></sub> = ½) to large negative ones (almost pure "
                         "noise). Compare schedules by where they cross 0 and how steeply they fall: steps "
                         "spent far below 0 teach little, and a steep stretch means big jumps between "
                         "neighbouring noise levels. The cosine curve is close to a straight line over "
                         "most of t, spreading the steps more evenly over the noise levels."));
    return html;
}
