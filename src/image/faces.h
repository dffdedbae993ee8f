#ifndef IMAGE_FACES_H
#define IMAGE_FACES_H

/*
 * Face detection for kring-image (src/image/faces.cpp): OpenCV's packaged
 * frontal-face cascade behind a small C interface, as OpenCV 4 has no C API.
 * Linked only into kring-image, never into the server.
 */
#ifdef __cplusplus
extern "C" {
#endif

struct face_box {
	int x, y, w, h;
};

/* Load the cascade (a file: call before the sandbox) and warm OpenCV up so
 * that detection later needs no file, thread pool or library loading.
 * Returns 0 when ready. */
int faces_init(const char *cascade_path);
/*
 * Find frontal faces in an 8-bit grey image of w x h pixels (rows of
 * `stride` bytes).  The image is scaled to at most max_side pixels on its
 * longest side first (speed; faces smaller than about 1/40 of that side
 * are not seen).  Fills up to max boxes in the image's own coordinates;
 * returns the number of faces found (may exceed max), or -1 on an error.
 */
int faces_detect(const unsigned char *grey, int w, int h, int stride, int max_side, struct face_box *out, int max);
/* The same, more eager (3 neighbours): for blurring, where a patch blurred
 * for nothing costs little and a face left sharp is the harm. */
int faces_detect_eager(const unsigned char *grey, int w, int h, int stride, int max_side, struct face_box *out,
                       int max);

#ifdef __cplusplus
}
#endif

#endif
