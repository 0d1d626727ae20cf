#include "config.h"

#include <cstdio>
#include <sstream>

namespace ddpm {

Result<ModelConfig> makeConfig(const std::string& preset)
{
    auto unet = unetPreset(preset);
    if (!unet)
        return unet.failure();
    ModelConfig c;
    c.preset = preset;
    c.unet = unet.value();
    return c;
}

std::string jsonEscape(const std::string& s)
{
    std::string out;
    for (char ch : s) {
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    return out;
}

namespace {
std::string num(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}
std::string list(const std::vector<int64_t>& v)
{
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i)
        s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}
} // namespace

std::string configToJson(const ModelConfig& c, int indent)
{
    const std::string p1(static_cast<size_t>(indent), ' '), p2(static_cast<size_t>(2 * indent), ' ');
    const std::string nl = indent > 0 ? "\n" : "";
    std::ostringstream o;
    o << "{" << nl;
    o << p1 << "\"preset\": \"" << jsonEscape(c.preset) << "\"," << nl;
    o << p1 << "\"model\": {" << nl
      << p2 << "\"ch\": " << c.unet.ch() << "," << nl
      << p2 << "\"ch_mult\": " << list(c.unet.chMult()) << "," << nl
      << p2 << "\"num_res_blocks\": " << c.unet.numResBlocks() << "," << nl
      << p2 << "\"attn_resolutions\": " << list(c.unet.attnResolutions()) << "," << nl
      << p2 << "\"dropout\": " << num(c.unet.dropout()) << "," << nl
      << p2 << "\"image_channels\": " << c.unet.imageChannels() << "," << nl
      << p2 << "\"image_size\": " << c.unet.imageSize() << nl
      << p1 << "}," << nl;
    o << p1 << "\"schedule\": {" << nl
      << p2 << "\"kind\": \"" << scheduleKindName(c.schedule.kind) << "\"," << nl
      << p2 << "\"steps\": " << c.schedule.steps << "," << nl
      << p2 << "\"beta_start\": " << num(c.schedule.betaStart) << "," << nl
      << p2 << "\"beta_end\": " << num(c.schedule.betaEnd) << nl
      << p1 << "}," << nl;
    o << p1 << "\"prediction\": \"" << predictionName(c.prediction) << "\"," << nl;
    o << p1 << "\"data\": \"" << jsonEscape(c.dataSpec) << "\"," << nl;
    o << p1 << "\"train\": {" << nl
      << p2 << "\"batch\": " << c.train.batch << "," << nl
      << p2 << "\"lr\": " << num(c.train.lr) << "," << nl
      << p2 << "\"warmup_steps\": " << c.train.warmupSteps << "," << nl
      << p2 << "\"grad_clip\": " << num(c.train.gradClip) << "," << nl
      << p2 << "\"ema_decay\": " << num(c.train.emaDecay) << "," << nl
      << p2 << "\"hflip\": " << (c.train.hflip ? "true" : "false") << "," << nl
      << p2 << "\"seed\": " << c.train.seed << "," << nl
      << p2 << "\"total_steps\": " << c.train.totalSteps << nl
      << p1 << "}" << nl;
    o << "}";
    return o.str();
}

} // namespace ddpm
