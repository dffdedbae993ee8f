"""Issue 16, photos and video: the privacy guard looks at the picture itself.

kring-image (the sandboxed helper, never the server) finds faces (OpenCV's
packaged cascade) and reads text (Tesseract, Dutch); the text goes through the
text guard with the post, faces are asked about ("Staat iedereen op deze foto
er graag op?"), an organisation may block them, and the poster may have them
blurred in the stored copy.  Pictures are made at test time with ImageMagick;
the face is a photo Debian ships (opencv-doc's messi5.jpg)."""
import os
import re
import subprocess

import pytest
import requests

from conftest import uniq
from test_guard import make_org, set_policy
from test_media import TMP, read, post_id
from test_media_limits import api_upload, token, wait_media

FACE = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg"
FACES_Q = "Staat iedereen op deze foto er graag op? Vraag het eerst."


def magick(*args, name="pic.jpg"):
    path = os.path.join(TMP, "%s-%s" % (uniq("g"), name))
    subprocess.run(["convert"] + list(args) + [path], check=True, capture_output=True, timeout=60)
    return read(path)


def label_photo():
    """A name-and-birth-date label, photographed a little askew, with sensor noise."""
    return magick("-size", "1400x520", "xc:#f4f1ea", "-font", "DejaVu-Sans", "-pointsize", "64", "-fill", "#202020",
                  "-annotate", "+70+210", "Mw. J. de Vries", "-annotate", "+70+330", "geb. 12-03-1941",
                  "-background", "#8a8f96", "-rotate", "4", "-attenuate", "0.5", "+noise", "Gaussian",
                  "-resize", "1800x", "-quality", "88")


def landscape():
    """Sky to grass with noise: no text, no face."""
    return magick("-seed", "5", "-size", "1600x1000", "gradient:#7fb2e5-#3d7a2a", "-attenuate", "0.6", "+noise", "Gaussian",
                  "-quality", "88")


def plain_photo():
    """A text-free 'photo': smooth random colour clouds."""
    return magick("-seed", "3", "-size", "1200x900", "plasma:tan-olive", "-blur", "0x2", "-quality", "88")


def event_poster():
    """The organisation's own event: its name, a date, no person."""
    return magick("-size", "1200x1600", "xc:#ffe9b0", "-font", "DejaVu-Sans-Bold", "-pointsize", "84",
                  "-fill", "#5a2d0c", "-annotate", "+80+300", "Zorggroep Test", "-font", "DejaVu-Sans",
                  "-pointsize", "72", "-annotate", "+80+520", "Open dag", "-annotate", "+80+680",
                  "zaterdag 14 juni 2025", "-annotate", "+80+840", "van 10 tot 16 uur", "-annotate", "+80+1000",
                  "Iedereen welkom!", "-attenuate", "0.3", "+noise", "Gaussian", "-quality", "88")


def face_photo():
    if not os.path.exists(FACE):
        pytest.skip("opencv-doc is not installed (scripts/install-deps.sh)")
    return read(FACE)


def upload(client, files, text="Een mooie dag", visibility="public", **extra):
    """Post with files (as test_media.upload): the post waits for the pictures' checks, so a long timeout."""
    data = {"text": text, "visibility": visibility}
    data.update(extra)
    parts = [("media", (name, body, "application/octet-stream")) for name, body in files]
    return client.post("/posts", data, files=parts, timeout=120)


def review(r):
    assert r.status_code == 422, (r.status_code, r.text[:500])
    return r.text


def test_name_and_birth_date_in_a_photo_are_found(alice):
    t = review(upload(alice, [("etiket.jpg", label_photo())], text="Vandaag op de afdeling", alt1="Een etiket"))
    assert "In de foto staat" in t
    assert 'data-type="date_of_birth"' in t, t[:3000]
    assert re.search(r"<mark>[^<]*12-03-1941", t), t[:3000]
    assert FACES_Q not in t
    # The files stay with the post through the review; confirmed, it is posted.
    mids = re.findall(r'name="media_id" value="(\d+)"', t)
    assert len(set(mids)) == 1
    r = alice.post("/posts", {"text": "Vandaag op de afdeling", "visibility": "public", "media_id": mids[0],
                              "confirm": "1"}, timeout=120)
    post_id(r)


def test_photo_text_through_the_api(server):
    name = server.add_user(uniq("ocr"))
    h = token(server, name)
    m = api_upload(server, h, label_photo(), name="etiket.jpg").json()
    assert wait_media(server, h, m["id"]).status_code == 200
    r = requests.post(server.base + "/api/v1/statuses", headers=h, data={"status": "Kijk", "media_ids[]": m["id"]})
    assert r.status_code == 422, r.text[:300]
    err = r.json()["error"]
    assert "date_of_birth" in err and "in text in image" in err, err
    r = requests.post(server.base + "/api/v1/statuses", headers=h,
                      data={"status": "Kijk", "media_ids[]": m["id"], "privacy_confirm": "true"})
    assert r.status_code == 200, r.text[:300]


@pytest.mark.parametrize("make", [landscape, plain_photo])
def test_photos_without_text_or_faces_go_through(alice, make):
    post_id(upload(alice, [("foto.jpg", make())], text="Mooi weer vandaag", alt1="Buiten"))


def test_own_event_poster_is_not_flagged(server, alice):
    org = make_org(server, alice)
    r = upload(alice, [("poster.jpg", event_poster())], text="Kom ook naar onze open dag!", alt1="Poster open dag",
               **{"as": org})
    post_id(r)


def test_face_is_asked_about_and_can_be_confirmed(alice):
    body = face_photo()
    t = review(upload(alice, [("voetbal.jpg", body)], text="Wat een wedstrijd", alt1="Een voetballer"))
    assert FACES_Q in t
    mids = re.findall(r'name="media_id" value="(\d+)"', t)
    r = alice.post("/posts", {"text": "Wat een wedstrijd", "visibility": "public", "media_id": mids[0],
                              "confirm": "1"}, timeout=120)
    post_id(r)


def test_faces_blurred_from_the_review_page(server, alice):
    face_photo()  # skips without opencv-doc
    # A copy of its own (one changed pixel): no other test's post shares its stored files.
    body = magick(FACE, "-fill", "#%06x" % (int(uniq("c")[1:], 36) % 0xffffff), "-draw", "point 0,0")
    t = review(upload(alice, [("voetbal.jpg", body)], text="Wat een wedstrijd", alt1="Een voetballer"))
    mid = re.findall(r'name="media_id" value="(\d+)"', t)[0]
    assert 'name="blur_%s"' % mid in t
    h = token(server, alice.name)
    before = wait_media(server, h, mid).json()["url"]
    # Checked again with the box ticked: processed again with blurred faces, then posted without a question.
    r = alice.post("/posts", {"text": "Wat een wedstrijd", "visibility": "public", "media_id": mid,
                              "alt_" + mid: "Een voetballer", "blur_" + mid: "1"}, timeout=120)
    post_id(r)
    after = wait_media(server, h, mid).json()["url"]
    assert after != before
    assert requests.get(before, timeout=10).status_code == 404  # the unblurred files are gone
    stored = os.path.join(TMP, uniq("blurred2") + ".webp")
    with open(stored, "wb") as f:
        f.write(requests.get(after, timeout=10).content)
    tool = os.path.join(os.path.dirname(os.environ["KRING_BIN"]), "kring-image")
    out = subprocess.run([tool, "--look", stored], capture_output=True, text=True, timeout=120).stdout
    assert "faces 0" in out, out


def test_blurred_faces_are_not_asked_about(server, alice):
    post_id(upload(alice, [("voetbal.jpg", face_photo())], text="Wat een wedstrijd", alt1="Een voetballer",
                   blur_faces="1"))
    # Through the API too (kring's own field), and the stored copy no longer shows a face.
    h = token(server, alice.name)
    m = api_upload(server, h, face_photo(), name="v.jpg", blur_faces="true").json()
    got = wait_media(server, h, m["id"]).json()
    r = requests.post(server.base + "/api/v1/statuses", headers=h, data={"status": "Kijk", "media_ids[]": m["id"]})
    assert r.status_code == 200, r.text[:300]
    stored = os.path.join(TMP, uniq("blurred") + ".webp")
    with open(stored, "wb") as f:
        f.write(requests.get(got["url"], headers=h, timeout=10).content)
    tool = os.path.join(os.path.dirname(os.environ["KRING_BIN"]), "kring-image")
    out = subprocess.run([tool, "--look", stored], capture_output=True, text=True, timeout=120).stdout
    assert "faces 0" in out, out


def test_org_may_block_photos_with_faces(server, admin, alice):
    org = make_org(server, alice)
    set_policy(admin, org, faces="block")
    assert 'name="faces"' in admin.get("/admin/orgs/%s/policy" % org).text
    body = face_photo()
    t = review(upload(alice, [("v.jpg", body)], text="Teamuitje", alt1="Het team", **{"as": org}))
    assert FACES_Q in t and "Toch plaatsen" not in t
    mids = re.findall(r'name="media_id" value="(\d+)"', t)
    r = alice.post("/posts", {"text": "Teamuitje", "visibility": "public", "media_id": mids[0], "confirm": "1",
                              "as": org}, timeout=120)
    assert r.status_code == 422
    # Off: not asked at all.
    set_policy(admin, org, faces="off")
    post_id(upload(alice, [("v.jpg", body)], text="Teamuitje", alt1="Het team", **{"as": org}))


def test_text_in_a_video_frame_is_found(alice):
    still = os.path.join(TMP, uniq("still") + ".png")
    with open(still, "wb") as f:
        f.write(label_photo())
    video = os.path.join(TMP, uniq("label") + ".mp4")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-loop", "1", "-i", still, "-t", "3", "-r", "5",
                    "-vf", "scale=1280:-2,format=yuv420p", "-c:v", "libx264", "-preset", "ultrafast", video],
                   check=True, capture_output=True, timeout=120)
    t = review(upload(alice, [("film.mp4", read(video))], text="Filmpje"))
    assert 'data-type="date_of_birth"' in t, t[:3000]
