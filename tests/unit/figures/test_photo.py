"""Photos: upright, stripped of metadata, and every unsafe input refused with a location."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from generator.figures.photo import PhotoError, inspect_photo
from generator.figures.store import FigureStore
from generator.load.content import load_content
from generator.load.problems import ContentError

GPS_TAG = 0x8825
ORIENTATION = 0x0112


def camera_jpeg(path: Path, size=(600, 400), orientation: int = 6) -> None:
    """A JPEG as a phone writes it: GPS position, camera model and a 'rotate 90°' orientation."""
    image = Image.new("RGB", size, (200, 60, 40))
    image.paste((20, 90, 200), (0, 0, size[0] // 2, size[1]))  # left half blue, to see rotation
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x0110] = "Clinic Phone 12"
    exif[GPS_TAG] = {1: "N", 2: (52.0, 22.0, 1.5), 3: "E", 4: (4.0, 53.0, 2.0)}
    image.save(path, "JPEG", exif=exif.tobytes())


def test_the_test_photo_really_carries_gps(tmp_path):
    camera_jpeg(tmp_path / "p.jpg")
    with Image.open(tmp_path / "p.jpg") as image:
        assert image.getexif().get_ifd(GPS_TAG)


def test_photo_is_turned_upright_and_stripped(tmp_path):
    assets = tmp_path / "site_assets"
    (assets / "photos").mkdir(parents=True)
    camera_jpeg(assets / "photos" / "lunge.jpg")
    info = inspect_photo(assets, "photos/lunge.jpg")
    assert (info.width, info.height) == (400, 600)  # orientation 6 swaps the sides
    from generator.model import Figure

    figure = Figure(id="lunge-photo", kind="photo", alt="A lunge.", caption="Lunge.", licence="CC BY 4.0", credit="Clinic", src="photos/lunge.jpg")
    outputs = FigureStore(tmp_path / "cache").render(figure, info)
    for name, data in outputs.items():
        assert b"GPS" not in data and b"Exif" not in data and b"Clinic Phone" not in data, name
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), name
            assert image.width < image.height, name  # upright
            assert "exif" not in image.info and "icc_profile" not in image.info and "xmp" not in image.info
    assert Image.open(io.BytesIO(outputs["1x"])).size == (400, 600)
    assert Image.open(io.BytesIO(outputs["1x"])).format == "WEBP"
    assert Image.open(io.BytesIO(outputs["print"])).format == "PNG"


@pytest.mark.parametrize(
    ("src", "setup", "message"),
    [
        ("photos/missing.jpg", None, "no such file"),
        ("../secret.jpg", "outside", "the path leaves site_assets/"),
        ("photos/notes.jpg", "text", "not an image"),
        ("photos/huge.png", "huge", "too large"),
    ],
)
def test_unsafe_photos_are_refused(tmp_path, src, setup, message):
    assets = tmp_path / "site_assets"
    (assets / "photos").mkdir(parents=True)
    if setup == "outside":
        camera_jpeg(tmp_path / "secret.jpg")
    elif setup == "text":
        (assets / "photos" / "notes.jpg").write_text("not a picture")
    elif setup == "huge":
        Image.new("1", (8000, 6000)).save(assets / "photos" / "huge.png")  # 48 MP, tiny on disk
    with pytest.raises(PhotoError, match=message):
        inspect_photo(assets, src)


def test_photo_problems_name_file_line_and_column(content_dir: Path, tmp_path: Path):
    path = content_dir / "exercises" / "childs-pose.yaml"
    text = path.read_text().replace(
        "  - id: childs-pose-note\n    kind: placeholder",
        "  - id: childs-pose-note\n    kind: photo\n    src: ../../etc/passwd",
    )
    path.write_text(text)
    assets = tmp_path / "site_assets"
    assets.mkdir()
    with pytest.raises(ContentError) as caught:
        load_content(content_dir, assets)
    (problem,) = caught.value.problems
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "src: ../../etc/passwd" in t)
    assert (problem.line, problem.column) == (line, 10)
    assert "cannot use photo: the path leaves site_assets/" in problem.message


def test_photo_needs_src_and_pose_needs_pose(content_dir: Path):
    path = content_dir / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace("kind: placeholder", "kind: photo"))
    with pytest.raises(ContentError, match="needs 'src:'"):
        load_content(content_dir)


def test_loading_again_checks_a_photo_saved_since(content_dir: Path, tmp_path: Path):
    """`traction build` loads the content twice (the check, then the build); the second load takes
    the first one's checks back while nothing was saved, but never a photo's that changed."""
    path = content_dir / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace(
        "  - id: childs-pose-note\n    kind: placeholder", "  - id: childs-pose-note\n    kind: photo\n    src: photos/lunge.jpg"))
    assets = tmp_path / "site_assets"
    (assets / "photos").mkdir(parents=True)
    camera_jpeg(assets / "photos" / "lunge.jpg")
    first = load_content(content_dir, assets)
    again = load_content(content_dir.resolve(), assets)
    assert again.exercises == first.exercises and again.root == content_dir.resolve()
    assert all(a is b for a, b in zip(again.exercises.values(), first.exercises.values(), strict=True))
    (assets / "photos" / "lunge.jpg").write_text("not a picture any more")
    with pytest.raises(ContentError, match="cannot use photo"):
        load_content(content_dir, assets)
