// `ddpm train`: Algorithm 1 from the command line, with its progress line and its CSV log.
#include "commands.h"

#include "config.h"
#include "device.h"
#include "diffusion.h"
#include "distributed.h"
#include "modelfile.h"
#include "precision.h"
#include "schedule.h"
#include "sizelimits.h"
#include "tensorfile.h"
#include "trainer.h"
#include "trainoutput.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <fcntl.h>
#include <stdio_ext.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddpm::cli {

namespace {

// The training log: rows appended and flushed as they happen, so that a killed run keeps its log. A
// resumed run continues the same file: rows past the checkpoint's step (written after its last save by
// the run that was killed) are dropped first, so every step appears once.
class TrainingLog {
public:
    inline static const std::string kHeader = std::string(kTrainingLogHeader) + "\n";

    // Why `path` cannot take the log, before the run starts (empty: it can). A pipe or a device in its
    // place would block the read, or take the rows somewhere else; a checkpoint or an image named by
    // mistake (a completed .ckpt for .csv) is not replaced.
    static std::string refusal(const std::string& path)
    {
        struct stat st { };
        if (::stat(path.c_str(), &st) != 0) { // a new file: in a folder that is there and takes one
            if (auto w = checkWritable(path); !w)
                return w.error();
            return {};
        }
        if (S_ISDIR(st.st_mode))
            return "it is a folder";
        if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
            return {}; // a pipe or a terminal (--log /dev/stdout): the rows are written straight to it
        if (!S_ISREG(st.st_mode))
            return "it is not a file, a pipe or a terminal";
        if (::access(path.c_str(), R_OK | W_OK) != 0)
            return "it cannot be read and written: " + systemError(errno).message();
        if (st.st_size > 0 && !startsAsLog(path))
            return std::string("the file is there and is not a training log (its first line is not \"") +
                   kTrainingLogHeader + "\"), so it is left as it is: name a new file";
        return {};
    }

    // Whether `path` is a file with rows past the header (an earlier run's), which a new run would drop.
    static bool holdsRows(const std::string& path)
    {
        struct stat st { };
        return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > static_cast<off_t>(kHeader.size());
    }

private:
    // Whether the file's first line is the log's header.
    static bool startsAsLog(const std::string& path)
    {
        std::FILE* in = std::fopen(path.c_str(), "rb");
        if (!in)
            return false;
        std::string first(kHeader.size() + 1, '\0'); // the header, a '\r' and the '\n'
        first.resize(std::fread(first.data(), 1, first.size(), in));
        std::fclose(in);
        const size_t end = first.find('\n');
        return end != std::string::npos && isTrainingLogHeader(std::string_view(first).substr(0, end));
    }

public:
    ~TrainingLog()
    {
        if (m_file)
            std::fclose(m_file);
    }
    bool open(const std::string& path, bool resume, long long resumedStep)
    {
        const std::string header = kHeader;
        std::string kept = header;
        if (m_error = refusal(path); !m_error.empty())
            return false;
        struct stat st { };
        if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) { // a pipe or a terminal: no file to keep
            // Opened without waiting: a named pipe that nothing reads would otherwise hold the run here.
            const int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd < 0) {
                m_error = errno == ENXIO ? "it is a pipe that nothing reads" : systemError(errno).message();
                return false;
            }
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK); // then written as any file is
            m_file = ::fdopen(fd, "w");
            if (!m_file)
                ::close(fd);
            if (!m_file || std::fputs(header.c_str(), m_file) < 0 || std::fflush(m_file) != 0)
                m_error = systemError(errno).message();
            return m_error.empty();
        }
        if (resume) {
            if (std::FILE* in = std::fopen(path.c_str(), "r")) {
                char line[512];
                bool first = true;
                while (std::fgets(line, sizeof line, in)) {
                    if (first && std::string(line) == header) {
                        first = false;
                        continue;
                    }
                    first = false;
                    char* end = nullptr;
                    const long long step = std::strtoll(line, &end, 10);
                    if (end != line && *end == ',' && step <= resumedStep && std::strchr(line, '\n'))
                        kept += line;
                }
                std::fclose(in);
            }
        }
        if (auto s = writeFileAtomically(path, kept); !s) {
            m_error = s.error();
            return false;
        }
        m_file = std::fopen(path.c_str(), "a");
        if (!m_file)
            m_error = systemError(errno).message();
        else if (std::fseek(m_file, 0, SEEK_END) == 0)
            m_whole = std::ftell(m_file);
        return m_file != nullptr;
    }
    // One row, in the columns of the header. Returns why, the first time a row cannot be written (a full
    // disk); the log then ends with the row before: the part of this one that reached the disk is cut off
    // and no later row is written, so that none is half there or missing in the middle.
    std::string write(const StepStats& last)
    {
        if (m_failed)
            return {};
        char row[160];
        std::snprintf(row, sizeof row, "%lld,%.8g,%.6g,%.6g,%.2f\n", static_cast<long long>(last.step),
                      static_cast<double>(last.loss), last.gradNorm, last.lr, last.imagesPerSec);
        errno = 0;
        if (std::fputs(row, m_file) >= 0 && std::fflush(m_file) == 0) {
            m_whole = std::ftell(m_file);
            return {};
        }
        m_failed = true;
        m_error = systemError(errno ? errno : EIO).message();
        __fpurge(m_file); // the row's bytes still buffered would otherwise be written as the file closes
        if (m_whole >= 0 && ::ftruncate(::fileno(m_file), m_whole) == 0)
            std::fseek(m_file, m_whole, SEEK_SET);
        return m_error;
    }
    // False when a row could not be written, or the rows cannot be put on the disk now (errorString()).
    bool close()
    {
        errno = 0;
        // A pipe or a terminal cannot be synced (EINVAL): its rows are flushed to it, which is all there is.
        const bool ok = !m_failed && std::fflush(m_file) == 0 && (m_whole < 0 || ::fsync(::fileno(m_file)) == 0);
        const bool closed = std::fclose(m_file) == 0;
        m_file = nullptr;
        if ((!ok || !closed) && m_error.empty())
            m_error = systemError(errno ? errno : EIO).message();
        return ok && closed;
    }
    bool failed() const { return m_failed; }
    const std::string& errorString() const { return m_error; }

private:
    std::FILE* m_file = nullptr;
    long m_whole = -1; // the file's length after the last whole row (−1: a pipe or a terminal)
    bool m_failed = false;
    std::string m_error;
};

struct TrainArgs {
    CLI::App* command = nullptr;
    std::string data, out, model = kDefaultPreset, schedule = kDefaultSchedule, prediction = predictionNames().front(),
                           device = deviceNames().front(), precision = precisionNames().front(), resume, init, log;
    TrainOptions train;
    long long steps = train.totalSteps;
    int threads = 0;
    int saveEvery = 1000;
    int distTimeout = 300; // seconds
    bool conditional = false;
    bool replace = false; // a new run may overwrite an existing --out and start an existing --log anew
    bool given(const char* option) const { return command->count(option) > 0; }
};

// This process as its rank of the job. The rendezvous waits for every rank, up to `timeout` seconds, in
// silence: say where first, and whether the address is one given or the default (a job started without
// MASTER_ADDR waits on this machine).
Result<std::unique_ptr<Distributed>> joinJob(const RankInfo& rank, torch::Device device, int timeout)
{
    const bool given = std::getenv("MASTER_ADDR") && *std::getenv("MASTER_ADDR") && std::getenv("MASTER_PORT");
    std::fprintf(stderr, "ddpm: rank %d of %d: joining the job at %s:%d, waiting up to %d s for every rank%s\n",
                 rank.rank, rank.worldSize, rank.masterAddr.c_str(), rank.masterPort, timeout,
                 given ? "" : " (MASTER_ADDR or MASTER_PORT not set: the defaults)");
    return Distributed::join(rank, device, std::chrono::seconds(timeout));
}

// --model, --schedule and --prediction, where given, against a model that fixes them (`whose`: "the --init
// model's", "the checkpoint's").
Status checkFixedOptions(const TrainArgs& a, const ModelConfig& c, const std::string& whose)
{
    const std::tuple<const char*, const char*, std::string, std::string> named[] = {
        {"--model", "preset", a.model, c.preset},
        {"--schedule", "noise schedule", a.schedule, scheduleKindName(c.schedule.kind)},
        {"--prediction", "prediction", a.prediction, predictionName(c.prediction)}};
    for (const auto& [option, what, value, own] : named)
        if (a.given(option) && value != own)
            return Error{std::string(option) + " " + value + ": " + whose + " " + what + " is " + own + "; leave " +
                         option + " out"};
    return Ok{};
}

// --init's model (`from`) as the start of a new one: its network, schedule and prediction, which --model,
// --schedule and --prediction may not contradict; its classes are not kept (--conditional gives new ones).
Result<ModelConfig> initialConfig(const TrainArgs& a, const ModelConfig& from)
{
    ModelConfig c = warmStartConfig(from, ModelConfig{}); // no classes yet, the default training settings
    if (auto s = checkFixedOptions(a, c, "the --init model's"); !s)
        return s.failure();
    return c;
}

// The training settings given on the command line over `t`: all of them for a new run, those given for a
// resumed one (which keeps the checkpoint's others, as the studio's form does at Start).
TrainOptions givenTrainOptions(const TrainArgs& a, TrainOptions t, bool onlyGiven)
{
    const auto take = [&](const char* option) { return !onlyGiven || a.given(option); };
    if (take("--batch"))
        t.batch = a.train.batch;
    if (take("--lr"))
        t.lr = a.train.lr;
    if (take("--warmup"))
        t.warmupSteps = a.train.warmupSteps;
    if (take("--ema"))
        t.emaDecay = a.train.emaDecay;
    if (take("--seed"))
        t.seed = a.train.seed;
    if (take("--hflip"))
        t.hflip = a.train.hflip;
    if (take("--p-uncond"))
        t.pUncond = a.train.pUncond;
    return t;
}

// The configuration of a new model: the preset of --model with --schedule, --prediction (or `init`, the
// model of --init), the training options and the data set. Every failure is a usage error.
Result<ModelConfig> newModelConfig(const TrainArgs& a, const ModelConfig* init)
{
    auto config = init ? initialConfig(a, *init) : makeConfig(a.model);
    if (!config)
        return config.failure();
    ModelConfig c = config.value();
    if (!init) {
        auto kind = parseScheduleKind(a.schedule);
        if (!kind)
            return kind.failure();
        c.schedule.kind = kind.value();
        auto pred = parsePrediction(a.prediction);
        if (!pred)
            return pred.failure();
        c.prediction = pred.value();
    }
    c.train = givenTrainOptions(a, c.train, /*onlyGiven=*/false);
    if (auto v = validateTrainOptions(c.train); !v) // a run must not end in a checkpoint nothing opens
        return v.failure();
    c.dataSpec = a.given("--data") ? a.data : defaultDataSpec();
    return c;
}

// The data set a run trains on, for the line that starts it.
struct TrainingData {
    std::string spec;
    long long images = 0;
    std::string note; // what loading left out (Dataset::note)
};

// --data, or the checkpoint's data set when resuming without it, read at the model's image size.
Result<Dataset> readData(const TrainArgs& a, const Environment& env, const ModelConfig& c, TrainingData& described)
{
    described.spec = a.given("--data") ? a.data : c.dataSpec;
    auto data = loadDataSpec(described.spec, c.unet.imageChannels(), c.unet.imageSize(), env.folderLoader);
    if (data) {
        described.images = static_cast<long long>(data->size());
        described.note = data->note;
    }
    return data;
}

// The trainer resumed from --resume, or a new one (class-conditional with --conditional, on the classes of
// its data set), with its data set. Returns 0, or the exit code after the message (2: a bad option).
int openTrainer(const TrainArgs& a, const Environment& env, torch::Device device, std::unique_ptr<Trainer>& trainer,
                TrainingData& described)
{
    Result<Dataset> data = Error{""};
    if (a.given("--resume") && a.given("--init"))
        return fail("--init starts a new run and --resume continues one: give one of them", 2);
    if (a.given("--resume")) {
        auto r = Trainer::resume(a.resume, device);
        if (!r)
            return fail(r.error());
        trainer = std::move(r.value());
        if (a.given("--data") && !sameDataSpec(a.data, trainer->config().dataSpec))
            std::fprintf(stderr, "ddpm: note: training continues on --data, not on the data set in the checkpoint\n");
        if (a.conditional && !trainer->config().conditional())
            return fail("--conditional: the checkpoint's model was trained without classes; start a new one", 2);
        if (auto s = checkFixedOptions(a, trainer->config(), "the checkpoint's"); !s)
            return fail(s.error(), 2);
        if (auto s = trainer->setTrainOptions(givenTrainOptions(a, trainer->config().train, /*onlyGiven=*/true)); !s)
            return fail(s.error(), 2);
        data = readData(a, env, trainer->config(), described);
    } else {
        std::optional<OpenedFile> init; // a file that cannot be read is not a usage error (exit 1)
        if (a.given("--init")) {
            auto opened = openModelFile(a.init);
            if (!opened)
                return fail(opened.error());
            init = std::move(opened.value());
        }
        auto config = newModelConfig(a, init ? &init->config : nullptr);
        if (!config)
            return fail(config.error(), 2);
        data = readData(a, env, config.value(), described);
        if (data && a.conditional)
            if (auto s = setClasses(config.value(), data.value()); !s)
                return fail(described.spec + ": " + s.error(), 2);
        if (data)
            trainer = std::make_unique<Trainer>(config.value(), device);
        if (data && init)
            if (auto s = trainer->startFrom(*init, a.init); !s)
                return fail(s.error());
    }
    if (!data)
        return fail(data.failure());
    if (auto s = trainer->setDataset(data.value()); !s)
        return fail(s.error());
    return 0;
}

// Steps until the trainer's total, Ctrl-C or a failed step, saving every --save-every steps; each
// step goes to the log, when there is one, and to the progress on stderr. Returns 0, or 1 after the
// message of the failed step.
int runWithProgress(const TrainArgs& a, Trainer& trainer, long long steps, TrainingLog* log, bool reports,
                    long long& savedStep)
{
    const bool tty = ::isatty(STDERR_FILENO);
    TrainingProgress progress(tty, trainer.stepCount(), steps);
    TrainingRun run;
    run.target = [steps] { return static_cast<int64_t>(steps); };
    run.stopRequested = [] { return interrupted().load(); };
    run.saveEvery = reports ? a.saveEvery : 0; // in a job, rank 0 alone writes
    run.savePath = a.out;
    run.saved = [&](const Status& s) { // a failed save is said, with what the file holds, and the run goes on
        if (s)
            savedStep = static_cast<long long>(trainer.stepCount());
        else
            std::fprintf(stderr, "\nddpm: %s; %s\n", s.error().c_str(), savedState(a.out, savedStep).c_str());
    };
    run.afterStep = [&](const StepStats& last) {
        if (const std::string why = log ? log->write(last) : std::string(); !why.empty())
            std::fprintf(stderr,
                         "\nddpm: cannot write the log %s at step %lld: %s; the training goes on, and the log "
                         "ends before that step\n",
                         a.log.c_str(), static_cast<long long>(last.step), why.c_str());
        if (reports)
            progress.update(last);
    };
    int rc = 0;
    if (auto s = runTraining(trainer, run); !s) {
        std::fprintf(stderr, "%s", tty ? "\n" : "");
        rc = fail(s.error());
    }
    if (tty)
        std::fprintf(stderr, "\n");
    return rc;
}

// --out and --log checked before anything is read or trained. 0, or 2 after the message.
int checkTrainFiles(const TrainArgs& a)
{
    if (a.out.empty())
        return fail("--out CKPT is required", 2);
    // A folder that does not exist or takes no files fails now, not when the first save comes hours later;
    // so does a device, or an image named by mistake.
    if (const int rc = checkModelOutput("--out", a.out, /*replace=*/true)) // an existing one: below
        return rc;
    if (!a.init.empty() && sameFile(a.init, a.out)) // its training state would be gone for good
        return fail("--out " + a.out +
                        " is the --init checkpoint: the run would replace it with a new model; name another --out",
                    2);
    if (a.given("--log") && a.log.empty())
        return fail("--log needs a file name (a CSV of the run's steps)", 2);
    if (!a.log.empty() && sameFile(a.log, a.out))
        return fail("--log and --out name the same file (" + a.out + "): the log needs a file of its own", 2);
    // A new run (not the resume of this very file) over an existing model, or a log started anew over an
    // earlier run's rows, would lose them for good: only when asked.
    std::error_code ignored;
    const bool continuing = !a.resume.empty() && sameFile(a.resume, a.out);
    if (!a.replace && !continuing && std::filesystem::exists(a.out, ignored))
        return fail("--out " + a.out + " already exists: pass --replace to overwrite it" +
                        (a.resume.empty() ? ", --resume " + a.out + " to train it further," : std::string()) +
                        " or name another file",
                    2);
    if (const std::string why = a.log.empty() ? std::string() : TrainingLog::refusal(a.log); !why.empty())
        return fail("--log " + a.log + ": " + why, 2);
    if (!a.replace && a.resume.empty() && !a.log.empty() && TrainingLog::holdsRows(a.log))
        return fail("--log " + a.log +
                        " already holds an earlier run's rows: pass --replace to start it anew, or name another file",
                    2);
    return 0;
}

// The step the run trains to, and notes on options this run does not use (rank 0's). Without --steps, a resumed
// run goes to the checkpoint's own total (no further when the studio stopped it short of that). Decided before a
// job is joined, so that a rank that stops here leaves no rank waiting. Returns 0, or 2 after the message.
int targetSteps(const TrainArgs& a, const Trainer& trainer, const RankInfo& rank, long long& steps)
{
    if (a.given("--p-uncond") && !trainer.config().conditional() && rank.rank == 0)
        std::fprintf(stderr, "ddpm: note: --p-uncond is for class-conditional models (--conditional); this one "
                             "is not, so it does not use it\n");
    steps = a.steps;
    if (!a.given("--steps") && a.given("--resume"))
        steps = std::max<long long>(trainer.config().train.totalSteps, trainer.stepCount());
    if (steps < trainer.stepCount()) // nothing to train, and the file's total would be rewritten below its step
        return fail("--steps " + std::to_string(steps) + ": the checkpoint is already at step " +
                        std::to_string(trainer.stepCount()) +
                        "; --steps is the step to train to, not a number of steps more",
                    2);
    if (steps == 0 && rank.rank == 0) // kept: the weights a run starts from are worth a file of their own
        std::fprintf(stderr, "ddpm: note: --steps 0: the model is saved as initialised, untrained (step 0)\n");
    if (!rank.job && a.given("--dist-timeout"))
        std::fprintf(stderr, "ddpm: note: --dist-timeout is for a data-parallel job (RANK, WORLD_SIZE … set, as "
                             "torchrun does); this run is not one, so it does not use it\n");
    return 0;
}

int train(const TrainArgs& a, const Environment& env)
{
    if (const int rc = checkTrainFiles(a))
        return rc;
    const auto rank = rankFromEnvironment();
    if (!rank)
        return fail(rank.error(), 2);
    auto compute = computeOptions(a.threads, a.device, a.precision);
    if (!compute)
        return fail(compute.error(), 2);
    if (rank->job && compute->device.is_cuda()) // one GPU a rank, as torchrun numbers them on a machine
        compute.value().device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(rank->localRank));
    std::unique_ptr<Trainer> trainer;
    TrainingData data;
    if (const int rc = openTrainer(a, env, compute->device, trainer, data))
        return rc;
    long long steps = 0;
    if (const int rc = targetSteps(a, *trainer, rank.value(), steps))
        return rc;
    if (rank->rank == 0) // the one that saves, before a job's ranks wait on it
        if (const int room = checkRoomForCheckpoint(a.out, trainer->model()->parameterCount()))
            return room;
    std::shared_ptr<Distributed> job;
    if (rank->job) {
        if (trainer->config().train.batch % rank->worldSize != 0)
            return fail("--batch " + std::to_string(trainer->config().train.batch) + " does not split evenly over " +
                            std::to_string(rank->worldSize) + " ranks: --batch is the global batch",
                        2);
        auto joined = joinJob(rank.value(), compute->device, a.distTimeout);
        if (!joined)
            return fail(joined.error());
        job = std::move(joined.value());
        if (auto s = trainer->setDistributed(job); !s)
            return fail(s.error());
    }
    const bool reports = rank->rank == 0; // in a job, rank 0 alone logs, shows progress and saves
    trainer->setTotalSteps(steps);

    std::unique_ptr<TrainingLog> log;
    if (a.given("--log") && reports) {
        log = std::make_unique<TrainingLog>();
        if (!log->open(a.log, a.given("--resume"), trainer->stepCount()))
            return fail("cannot write the log '" + a.log + "': " + log->errorString());
    }

    stopOnSignals(true);
    trainer->setPrecision(compute->precision);
    const std::string where = job ? " as rank " + std::to_string(rank->rank) + " of " +
                                        std::to_string(rank->worldSize) + " (" + job->backend() + ", batch " +
                                        std::to_string(trainer->config().train.batch / rank->worldSize) + " of " +
                                        std::to_string(trainer->config().train.batch) + ")"
                                  : std::string();
    std::fprintf(
        stderr, "ddpm: training %s (%lld parameters) on %s in %s%s, %s with %lld images, from step %lld to %lld\n",
        trainer->config().preset.c_str(), static_cast<long long>(trainer->model()->parameterCount()),
        deviceDescription(compute->device).c_str(), precisionDescription(compute->precision, compute->device).c_str(),
        where.c_str(), data.spec.c_str(), data.images, static_cast<long long>(trainer->stepCount()), steps);
    if (reports && !data.note.empty())
        std::fprintf(stderr, "ddpm: note: %s: %s\n", data.spec.c_str(), data.note.c_str());
    long long savedStep = -1; // the step --out holds from this run's saves (−1: none yet)
    const int rc = runWithProgress(a, *trainer, steps, log.get(), reports, savedStep);
    if (!reports)
        return rc; // rank 0 saves
    if (interrupted().load())
        std::fprintf(stderr, "ddpm: interrupted at step %lld; saving the checkpoint\n",
                     static_cast<long long>(trainer->stepCount()));
    const bool logFailed = log && !log->close(); // said mid-run where a row failed; said now otherwise
    if (logFailed && !log->failed())
        std::fprintf(stderr, "ddpm: cannot write the log %s: %s\n", a.log.c_str(), log->errorString().c_str());
    if (const int saved = saveOrRescue(*trainer, a.out, savedStep))
        return saved;
    const bool unfinished = interrupted().load() && trainer->stepCount() < steps; // saved short of its end
    if (rc == 0 && unfinished)
        return interruptedExitCode();
    return rc == 0 && logFailed ? 1 : rc; // the checkpoint is saved; the log asked for is not whole
}

} // namespace

void addTrainCommand(CommandLine& cli, const Environment& env)
{
    auto a = std::make_shared<TrainArgs>();
    auto* c = cli.add("train", "train a denoising U-Net (Ctrl-C saves and exits)",
                      "train a denoising U-Net (Algorithm 1)", [a, env] { return train(*a, env); });
    a->command = c;
    addText(c, "--data", a->data, "one of " + std::string(kDataSpecForms) + " (a split not named: train)", "SPEC");
    addText(c, "--out", a->out, "checkpoint to write", "CKPT")->required();
    addText(c, "--model", a->model, listOfChoices(unetPresetNames()), "PRESET");
    addNumber(c, "--steps", a->steps, 0, static_cast<double>(limits::kMaxSteps),
              "train until this step count is reached", "N");
    addNumber(c, "--batch", a->train.batch, 1, static_cast<double>(limits::kMaxBatch), "batch size", "B");
    addNumber(c, "--lr", a->train.lr, kLearningRateRange, "Adam learning rate", "LR");
    addNumber(c, "--warmup", a->train.warmupSteps, 0, static_cast<double>(limits::kMaxSteps),
              "learning-rate warm-up steps", "N");
    addNumber(c, "--ema", a->train.emaDecay, kEmaDecayRange, "EMA decay", "D");
    addText(c, "--schedule", a->schedule, listOfChoices(scheduleKindNames()), "K");
    addText(c, "--prediction", a->prediction, listOfChoices(predictionNames()), "P");
    c->add_flag("--hflip", a->train.hflip, "random horizontal flips");
    c->add_flag("--replace", a->replace,
                "let a new run overwrite an existing --out and start an existing --log anew (refused without it; "
                "resuming --out itself needs no --replace)");
    c->add_flag("--conditional", a->conditional,
                "class-conditional: the data set's labels are given to the network (for classifier-free guidance)");
    addNumber(c, "--p-uncond", a->train.pUncond, kShareRange,
              "with --conditional: the share of examples shown without their class", "P");
    addNumber(c, "--seed", a->train.seed, 0, limits::kMaxSeed, "random seed", "S");
    addText(c, "--device", a->device, kDeviceHelp, "D");
    addNumber(c, "--threads", a->threads, 0, static_cast<double>(limits::kMaxThreads), kThreadsHelp, "N");
    addText(c, "--precision", a->precision,
            "fp32, bf16 (mixed: bf16 convolutions, fp32 weights and norms) or auto (bf16 where fast)", "P");
    addText(c, "--resume", a->resume,
            "continue from this checkpoint (the training options given replace its own; --model, --schedule and "
            "--prediction must match it)",
            "CKPT");
    addText(c, "--init", a->init,
            "start a new run from this model's EMA weights, network, schedule and prediction (with "
            "--conditional, the class embedding starts at zero: the model first predicts what this one does)",
            "CKPT");
    addText(c, "--log", a->log, "CSV log of step,loss,grad_norm,lr,img_per_s", "CSV");
    addNumber(c, "--save-every", a->saveEvery, 0, static_cast<double>(limits::kMaxSteps),
              "also save every N steps (0: only at the end)", "N");
    addNumber(c, "--dist-timeout", a->distTimeout, 1, 86400,
              "in a data-parallel job (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT set, as torchrun does): "
              "seconds to wait for the other ranks before giving up",
              "S");
}

} // namespace ddpm::cli
