// "What am I looking at?": a short, accurate explanation of the view on screen (the forward process,
// training, the reverse process, noise schedules) with the paper's equations in Unicode, plus a "Now"
// section listing the live values of the view (t, β_t, ᾱ_t, SNR_t …).
#pragma once

#include <QMap>
#include <QString>
#include <QWidget>

class QTextBrowser;

class HelpPanel : public QWidget {
    Q_OBJECT

public:
    enum Topic { Data, Training, Reverse, Schedules, Quality, Score };
    Q_ENUM(Topic)

    explicit HelpPanel(QWidget* parent = nullptr);
    ~HelpPanel() override;

    void setTopic(Topic topic);
    Topic topic() const;

    // Key → already formatted value. Known keys get their symbol and a short meaning, the meaning
    // the value has in the topic's view (in Training "step" counts training steps, in Reverse the
    // denoising steps of the run): step, t, T, beta, alpha, alpha_bar, sqrt_alpha_bar,
    // sqrt_one_minus_alpha_bar, snr, log_snr, sigma, eta, loss, loss_smoothed, score_scale,
    // langevin_eta, score_error, sampler; others are listed
    // under their own name. An empty map hides the "Now" section.
    void setLiveValues(const QMap<QString, QString>& values);
    QMap<QString, QString> liveValues() const;
    void clearLiveValues();

    QTextBrowser* textBrowser() const;
    QString topicTitle(Topic topic) const;

    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent* event) override; // re-renders on a language change

private:
    void render();
    QString topicHtml(Topic topic) const;
    QString nowHtml() const;
    QString dataHtml() const;
    QString trainingHtml() const;
    QString reverseHtml() const;
    QString schedulesHtml() const;
    QString qualityHtml() const;
    QString scoreHtml() const;
    QString langevinHtml() const; // the score and Langevin dynamics, in Reverse and Score

    QTextBrowser* m_browser = nullptr;
    Topic m_topic = Data;
    QMap<QString, QString> m_liveValues;
    QString m_renderedHtml;
};
