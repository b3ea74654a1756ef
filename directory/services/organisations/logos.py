"""Organisation logos: checked by content, re-encoded by us, stored under a name we chose.

An upload is never served as sent. Pillow decodes it (PNG, JPEG or WebP only, told apart by their
bytes, not by the file's name), the pixels are copied into a fresh image (no EXIF, GPS, ICC or text
chunks survive), shrunk to fit MAX_LOGO_SIDE and written as WebP under a random name. An HTML page
or a GIF called "logo.png" is therefore refused, and a decompression bomb is refused from its header,
before its pixels are decoded.
"""
from __future__ import annotations

import os
import re
import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_SIDE = 512
# Far above any real logo, far below what would exhaust memory while decoding (24 MP is 96 MB as RGBA).
MAX_LOGO_PIXELS = 24_000_000
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP")
LOGO_EXTENSION = "webp"
LOGO_CONTENT_TYPES = {"webp": "image/webp", "png": "image/png"}
LOGO_FILENAME = re.compile(r"^[0-9a-f]{32}\.(?:webp|png)$")

TOO_LARGE = "The logo must be at most 2 MB."
NOT_AN_IMAGE = "The logo must be a PNG, JPEG or WebP image."
TOO_MANY_PIXELS = "The logo image has too many pixels; please upload a smaller image."
DAMAGED = "The logo image could not be read; it may be damaged."


class LogoError(ValueError):
    """An upload we refuse; the message is a fixed English sentence with a Thai translation."""


@dataclass(frozen=True)
class Logo:
    """A re-encoded logo, ready to store."""

    data: bytes
    width: int
    height: int
    extension: str = LOGO_EXTENSION


def read_logo(stream) -> Logo:
    """Check and re-encode an uploaded image from a binary stream; raises LogoError."""
    data = stream.read(MAX_LOGO_BYTES + 1)
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(TOO_LARGE)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; a warning is a refusal here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=ACCEPTED_FORMATS)
            if image.width * image.height > MAX_LOGO_PIXELS:
                raise LogoError(TOO_MANY_PIXELS)
            image.load()
            return _reencode(image)
    except LogoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise LogoError(TOO_MANY_PIXELS) from error
    except UnidentifiedImageError as error:
        raise LogoError(NOT_AN_IMAGE) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise LogoError(DAMAGED) from error


def _reencode(image):
    image = ImageOps.exif_transpose(image)  # a phone photo stays upright once its EXIF is gone
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if has_alpha else "RGB"
    image = image.convert(mode)
    image.thumbnail((MAX_LOGO_SIDE, MAX_LOGO_SIDE), Image.Resampling.LANCZOS)
    clean = Image.new(mode, image.size)  # a fresh image: none of the upload's metadata comes along
    clean.paste(image)
    output = BytesIO()
    clean.save(output, format="WEBP", quality=90, method=6)
    return Logo(output.getvalue(), clean.width, clean.height)


def logo_folder() -> Path:
    return Path(current_app.config["UPLOAD_DIR"]) / "logos"


def save_logo(logo: Logo) -> str:
    """Write the logo under a new random name and return the name (the file is complete or absent)."""
    folder = logo_folder()
    folder.mkdir(parents=True, exist_ok=True)
    filename = f"{secrets.token_hex(16)}.{logo.extension}"
    partial = folder / f".{filename}.partial"
    partial.write_bytes(logo.data)
    os.replace(partial, folder / filename)
    return filename


def is_logo_filename(filename) -> bool:
    return bool(filename) and LOGO_FILENAME.fullmatch(filename) is not None


def delete_logo(filename):
    """Remove a stored logo (one no organisation points to any more); names not ours are ignored."""
    if is_logo_filename(filename):
        (logo_folder() / filename).unlink(missing_ok=True)
