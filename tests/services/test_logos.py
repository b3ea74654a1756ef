"""Logos are told apart by content, re-encoded without metadata, shrunk, and stored under our names."""
import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from directory.services.organisations.logos import (
    DAMAGED,
    MAX_LOGO_BYTES,
    MAX_LOGO_SIDE,
    NOT_AN_IMAGE,
    TOO_LARGE,
    TOO_MANY_PIXELS,
    LogoError,
    delete_logo,
    is_logo_filename,
    read_logo,
    save_logo,
)


def image_bytes(format, size=(1200, 800), mode="RGB", color=(200, 30, 30), **save_options):
    output = BytesIO()
    Image.new(mode, size, color).save(output, format=format, **save_options)
    return output.getvalue()


def opened(data):
    image = Image.open(BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("format", ["PNG", "JPEG", "WEBP"])
def test_an_accepted_image_is_reencoded_as_webp_within_512_pixels(app, format):
    upload = image_bytes(format)
    logo = read_logo(BytesIO(upload))
    assert logo.data != upload
    image = opened(logo.data)
    assert image.format == "WEBP" and logo.extension == "webp"
    assert image.size == (logo.width, logo.height) == (MAX_LOGO_SIDE, 341)  # 1200x800 kept in proportion


def test_a_small_image_is_not_enlarged(app):
    logo = read_logo(BytesIO(image_bytes("PNG", size=(64, 48))))
    assert opened(logo.data).size == (64, 48)


def test_metadata_is_stripped(app):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (13.0, 45.0, 0.0)}  # GPS latitude
    upload = image_bytes("JPEG", exif=exif.tobytes(), comment=b"secret")
    assert opened(upload).getexif()
    image = opened(read_logo(BytesIO(upload)).data)
    assert not image.getexif()
    assert not {"exif", "icc_profile", "xmp", "comment"} & set(image.info)


def test_transparency_survives(app):
    logo = read_logo(BytesIO(image_bytes("PNG", size=(100, 100), mode="RGBA", color=(0, 0, 0, 0))))
    image = opened(logo.data)
    assert image.mode == "RGBA"
    assert image.getpixel((50, 50))[3] == 0


@pytest.mark.parametrize("content", [
    image_bytes("GIF", size=(50, 50), mode="P", color=1),
    b"<!doctype html><html><script>alert(1)</script></html>",
    b"%PDF-1.4\n",
    image_bytes("BMP", size=(50, 50)),
])
def test_other_content_is_refused_whatever_the_name(app, content):
    """The name "logo.png" means nothing: only the bytes are looked at."""
    with pytest.raises(LogoError) as refused:
        read_logo(BytesIO(content))
    assert str(refused.value) == NOT_AN_IMAGE


def test_a_truncated_image_is_refused(app):
    with pytest.raises(LogoError) as refused:
        read_logo(BytesIO(image_bytes("PNG", size=(300, 300), mode="RGB", color=(1, 2, 3))[:200]))
    assert str(refused.value) == DAMAGED


def test_more_than_2_mb_is_refused(app):
    with pytest.raises(LogoError) as refused:
        read_logo(BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_LOGO_BYTES))
    assert str(refused.value) == TOO_LARGE == "The logo must be at most 2 MB."


def png_claiming(width, height):
    """A tiny PNG whose header claims a huge size: decoding it would need gigabytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("width, height", [(6000, 6000), (12000, 12000), (100_000, 100_000)])
def test_a_decompression_bomb_is_refused_before_decoding(app, width, height):
    """Ours, Pillow's warning and Pillow's error: each size is refused with the same message."""
    with pytest.raises(LogoError) as refused:
        read_logo(BytesIO(png_claiming(width, height)))
    assert str(refused.value) == TOO_MANY_PIXELS


def test_stored_under_a_generated_name(app):
    logo = read_logo(BytesIO(image_bytes("PNG")))
    first, second = save_logo(logo), save_logo(logo)
    assert first != second
    for name in (first, second):
        assert is_logo_filename(name) and name.endswith(".webp")
        path = Path(app.config["UPLOAD_DIR"]) / "logos" / name
        assert path.read_bytes() == logo.data
    assert [p.name for p in (Path(app.config["UPLOAD_DIR"]) / "logos").iterdir() if p.name.startswith(".")] == []
    delete_logo(first)
    assert not (Path(app.config["UPLOAD_DIR"]) / "logos" / first).exists()


@pytest.mark.parametrize("name", ["../secret.webp", "logo.png", "a" * 32 + ".html", "", None, "A" * 32 + ".webp"])
def test_names_not_ours_are_not_ours(app, name):
    assert not is_logo_filename(name)
    delete_logo(name)  # ignored, not an error
