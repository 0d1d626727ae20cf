#!/usr/bin/env python3
"""Writes the seed corpora under corpus/<harness>/: a few small valid files and a few broken ones.

Run from anywhere: python3 tests/fuzz/make_corpus.py. The files are committed; rerunning rewrites the
same bytes (the checkpoint seeds made from resources/models and ddpm-headless are kept as they are).
"""
import gzip
import io
import json
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def put(harness, name, data):
    d = os.path.join(HERE, "corpus", harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def gz(data):
    return gzip.compress(data, mtime=0)


# IDX: magic 0 0 type rank, then rank big-endian u32 sizes, then the data.
def idx(type_code, dims, payload):
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + payload


images = idx(8, [2, 4, 4], bytes(range(32)))
labels = idx(8, [2], bytes([3, 7]))
put("idx", "images-2x4x4.idx", images)
put("idx", "labels-2.idx", labels)
put("idx", "images-2x4x4.idx.gz", gz(images))
put("idx", "labels-2.idx.gz", gz(labels))
put("idx", "broken-truncated.idx", images[:-5])
put("idx", "broken-magic.idx", b"\x01\x02" + images[2:])
put("idx", "broken-huge-count.idx", idx(8, [0xFFFFFFFF, 28, 28], bytes(16)))
put("idx", "broken-float-type.idx", idx(0x0D, [2, 2, 2], bytes(32)))
put("idx", "broken-rank0.idx", bytes([0, 0, 8, 0]))
put("idx", "broken-truncated.gz", gz(images)[:-9])
put("idx", "broken-gzip-bomb-header.gz", gz(bytes(70000))[:40])

# CIFAR-10: records of one label byte and 3072 pixel bytes.
record = bytes([6]) + bytes((i * 7) % 256 for i in range(3072))
put("cifar", "one-record.bin", record)
put("cifar", "two-records.bin", record + bytes([9]) + record[1:])
put("cifar", "broken-short.bin", record[:-1])
put("cifar", "broken-long.bin", record + b"\x00")
put("cifar", "broken-label.bin", bytes([10]) + record[1:])
put("cifar", "empty.bin", b"")


# safetensors: u64 LE header length, JSON header, data.
def safetensors(header, data, pad=True):
    h = json.dumps(header, separators=(",", ":")).encode()
    if pad:
        h += b" " * ((8 - len(h) % 8) % 8)
    return struct.pack("<Q", len(h)) + h + data


f32 = struct.pack("<2f", 1.5, -2.0)
put("tensorfile", "one-f32.safetensors",
    safetensors({"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "__metadata__": {"k": "v"}}, f32))
put("tensorfile", "several.safetensors", safetensors({
    "__metadata__": {"format": "ddpm-studio-checkpoint", "format_version": "2", "values": "{\"step\":3}"},
    "a": {"dtype": "F16", "shape": [2, 1], "data_offsets": [0, 4]},
    "b": {"dtype": "I64", "shape": [], "data_offsets": [4, 12]},
    "c": {"dtype": "F64", "shape": [1], "data_offsets": [12, 20]},
    "d": {"dtype": "U8", "shape": [0, 3], "data_offsets": [20, 20]},
    "e": {"dtype": "BF16", "shape": [2], "data_offsets": [20, 24]},
}, bytes(4) + struct.pack("<q", 42) + struct.pack("<d", 0.25) + bytes(4)))
put("tensorfile", "empty-header.safetensors", safetensors({}, b""))
put("tensorfile", "broken-overlap.safetensors", safetensors({
    "a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
    "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}, f32))
put("tensorfile", "broken-gap.safetensors", safetensors({
    "a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}, f32))
put("tensorfile", "broken-past-end.safetensors", safetensors({
    "a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}, f32))
put("tensorfile", "broken-shape.safetensors", safetensors({
    "a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}, f32))
put("tensorfile", "broken-dtype.safetensors", safetensors({
    "a": {"dtype": "Q7", "shape": [2], "data_offsets": [0, 8]}}, f32))
put("tensorfile", "broken-huge-shape.safetensors", safetensors({
    "a": {"dtype": "F32", "shape": [4294967296, 4294967296, 4], "data_offsets": [0, 8]}}, f32))
put("tensorfile", "broken-metadata-number.safetensors", safetensors({
    "__metadata__": {"k": 3}, "a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}, f32))
put("tensorfile", "broken-deep.safetensors", struct.pack("<Q", 64) + b"[" * 64)
put("tensorfile", "broken-header-length.safetensors", struct.pack("<Q", 2**63) + b"{}")
put("tensorfile", "broken-short.safetensors", b"\x02\x00\x00")

# Checkpoints. A classifier of format 2 shrunk from the shipped one (width 2, features 4, classes 2):
# the same names and layout, a few hundred bytes of weights.
def classifier(width, features, classes):
    w = width
    shapes = {
        "weights.conv1.bias": [w], "weights.conv1.weight": [w, 1, 3, 3],
        "weights.conv2.bias": [2 * w], "weights.conv2.weight": [2 * w, w, 3, 3],
        "weights.conv3.bias": [2 * w], "weights.conv3.weight": [2 * w, 2 * w, 3, 3],
        "weights.hidden.bias": [features], "weights.hidden.weight": [features, 2 * w * 9],
        "weights.out.bias": [classes], "weights.out.weight": [classes, features],
    }
    for i, c in ((1, w), (2, 2 * w), (3, 2 * w)):
        for p in ("bias", "running_mean", "running_var", "weight"):
            shapes["weights.norm%d.%s" % (i, p)] = [c]
        shapes["weights.norm%d.num_batches_tracked" % i] = []
    header, data = {}, b""
    for name in sorted(shapes):
        n = 1
        for d in shapes[name]:
            n *= d
        value = 1.0 if name.endswith(("running_var", ".weight")) and "norm" in name else 0.01
        counter = name.endswith("num_batches_tracked")
        blob = struct.pack("<q", 5) if counter else struct.pack("<%df" % n, *([value] * n))
        header[name] = {"dtype": "I64" if counter else "F32", "shape": shapes[name], "data_offsets": [len(data), len(data) + len(blob)]}
        data += blob
    values = {"class_names": "\n".join("c%d" % i for i in range(classes)), "classifier.classes": classes,
              "classifier.features": features, "classifier.width": width, "image_size": 28,
              "test_accuracy": 0.5, "test_count": 2}
    header["__metadata__"] = {"ddpm.crc32": "%08x" % zlib.crc32(data), "format": "ddpm-studio-classifier",
                              "format_version": "2", "values": json.dumps(values, separators=(",", ":"))}
    return safetensors(header, data)


put("checkpoint", "classifier-tiny", classifier(2, 4, 2))
put("checkpoint", "broken-format-version",
    classifier(2, 4, 2).replace(b'"format_version":"2"', b'"format_version":"9"'))


# Format 1: magic, u32 version, u64 length, u32 CRC-32, then a zip like LibTorch's archives.
def format1(payload, version=1):
    return b"DDPMCKPT" + struct.pack("<IQI", version, len(payload), zlib.crc32(payload)) + payload


def archive(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in files:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


declares = ("class Module(Module):\n  __parameters__ = [\"weight\", ]\n  __buffers__ = []\n"
            "  weight : Tensor\n  training : bool\n  __annotations__[\"ema\"] = __torch__.Module\n")
put("checkpoint", "format1-declares-only", format1(archive([
    ("archive/data.pkl", b"\x80\x02}q\x00."), ("archive/code/__torch__.py", declares), ("archive/version", b"3\n")])))
put("checkpoint", "format1-code", format1(archive([
    ("archive/data.pkl", b"\x80\x02}q\x00."),
    ("archive/code/__torch__.py", "class M(Module):\n  def forward(self):\n    return 1\n"),
    ("archive/version", b"3\n")])))
put("checkpoint", "format1-bad-crc", format1(b"PK\x05\x06" + bytes(18))[:20] + b"\0\0\0\0" + b"PK\x05\x06" + bytes(18))
put("checkpoint", "format1-version2", format1(b"", version=2))

# Data specs: the first byte picks the model's channels (bit 0) and size; the rest is the spec.
for i, spec in enumerate(["fashion-mnist", "fashion-mnist:test", "fashion-mnist:all", "fashion-mnist:bogus",
                          "mnist:.", "idx:images.idx", "idx:train-images-idx3-ubyte", "cifar10:data_batch_1.bin",
                          "cifar10:.", "synthetic:8", "synthetic:0", "folder:pictures", "bogus:x", "",
                          "mnist:.:test", "mnist:.:", "cifar10:.:all", "cifar10:data_batch_1.bin:test"]):
    put("dataspec", "spec-%02d" % i, bytes([i % 12]) + spec.encode())

# Command lines: words separated by newlines.
for i, words in enumerate([
        ["schedule", "--kind", "cosine", "--steps", "10"], ["schedule", "--steps", "3.5"],
        ["train", "--data", "synthetic:8", "--model", "tiny", "--steps", "2", "--batch", "0x10"],
        ["train", "--help"], ["train", "--lr", "1e-4", "--lr", "nan", "--hflip", "--seed", "-1"],
        ["info"], ["info", "a", "b"], ["export", "--checkpoint", "a", "--out", "b", "--half"],
        ["convert", "old", "new", "extra"], ["bench", "--batch", "100001", "--precision", "bf16"],
        ["selfcheck", "--device", "cuda:7"], ["train-classifier", "--epochs", "1001", "--test"],
        ["help", "train"], ["--version"], ["sample"], ["quality", "--steps", "1"], ["nothing"], [],
        ["train", "--", "--data"], ["schedule", "--beta-start=0.5", "--beta-end", "1e400"]]):
    put("cli", "args-%02d" % i, "\n".join(words))


# Images: a 2×2 PNG, a 3×1 BMP, a 1×1 GIF, two JPEGs, broken ones.
def png(w, h, rows, color_type=0, depth=8):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


put("image", "grey-2x2.png", png(2, 2, [b"\x00\xff", b"\x80\x40"]))
put("image", "rgb-3x1.png", png(3, 1, [bytes(range(9))], color_type=2))
bmp_pixels = bytes([0, 0, 255, 0, 255, 0, 255, 0, 0]) + bytes(3)
put("image", "rgb-3x1.bmp", b"BM" + struct.pack("<IHHI", 54 + len(bmp_pixels), 0, 0, 54) +
    struct.pack("<IiiHHIIiiII", 40, 3, 1, 1, 24, 0, len(bmp_pixels), 2835, 2835, 0, 0) + bmp_pixels)
put("image", "one-pixel.gif", bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"))
# Baseline JPEGs (ImageMagick, -quality 50 -strip): 4×3 grey and colour gradients.
put("image", "grey-4x3.jpg", bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123"
    "251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffc0000b080003"
    "000401011100ffc40014000100000000000000000000000000000006ffc4001a10000007000000000000000000000000"
    "0000010305165591ffda0008010100003f00511562ac430c7fffd9"))
put("image", "rgb-4x3.jpg", bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123"
    "251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffdb0043011112"
    "121815182f1a1a2f63423842636363636363636363636363636363636363636363636363636363636363636363636363"
    "6363636363636363636363636363ffc00011080003000403012200021101031101ffc400150001010000000000000000"
    "0000000000000006ffc4001810010003010000000000000000000000000001031452ffc4001501010100000000000000"
    "000000000000000206ffc400191100010500000000000000000000000000010003145291ffda000c0301000211031100"
    "3f0092d16f7202d22b14181092f5ce95ffd9"))
put("image", "broken-png-crc.png", png(2, 2, [b"\x00\xff", b"\x80\x40"])[:-5] + b"xxxxx")
put("image", "broken-png-huge.png", png(100000, 100000, [b""])[:60])
put("image", "not-an-image.txt", b"hello\n")
print("corpora written under", os.path.join(HERE, "corpus"))


# The U-Net seed (corpus/checkpoint/unet-tiny-ch4-sampling-only, 37 KB) came from the "tiny" preset:
#   ddpm train --model tiny --data synthetic:8 --steps 1 --batch 2 --out tiny.ckpt
#   ddpm export --checkpoint tiny.ckpt --out tiny-export.ckpt --half
#   python3 tests/fuzz/make_corpus.py --shrink-unet tiny-export.ckpt
# which rewrites it with model.ch 4 instead of 16 (every channel dimension a quarter, weights 0.01).
def shrink_unet(path):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    h, data = json.loads(b[8:8 + n]), b[8 + n:]
    meta = h.pop("__metadata__")
    values = json.loads(meta["values"])
    sizes = {"F16": 2, "F32": 4, "F64": 8, "I64": 8}
    out, blob = {}, b""
    for name in sorted(h, key=lambda k: h[k]["data_offsets"][0]):
        t = h[name]
        shape = t["shape"]
        if name.startswith(("ema.", "model.")):
            shape = [d // 4 if d >= 16 else d for d in shape]
            count = 1
            for d in shape:
                count *= d
            raw = struct.pack("<e", 0.01) * count if t["dtype"] == "F16" else bytes(count * sizes[t["dtype"]])
        else:
            s, e = t["data_offsets"]
            raw = data[s:e]
        out[name] = {"dtype": t["dtype"], "shape": shape, "data_offsets": [len(blob), len(blob) + len(raw)]}
        blob += raw
    values["model.ch"] = values["model.ch"] // 4
    meta["values"] = json.dumps(values, separators=(",", ":"))
    meta["ddpm.crc32"] = "%08x" % zlib.crc32(blob)
    meta.pop("ddpm.header_crc32", None)  # the header changed: its checksum would refuse the seed
    out["__metadata__"] = meta
    put("checkpoint", "unet-tiny-ch4-sampling-only", safetensors(out, blob))


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "--shrink-unet":
        shrink_unet(sys.argv[2])
