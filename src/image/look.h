#ifndef IMAGE_LOOK_H
#define IMAGE_LOOK_H

/*
 * The privacy checks kring-image makes on a decoded picture (src/image/look.c):
 * faces (OpenCV, faces.cpp) and text (Tesseract, Dutch), with an
 * optional blur of the faces in the pixels that are stored.  What it finds is
 * printed for core (core/media.c), which passes the text through the privacy
 * guard; nothing here judges what the text means.
 */
#include <stdbool.h>

/* Budgets per picture (docs/privacy-guard.md "Photos and video"). */
#define LOOK_FACE_SIDE   1024               /* faces are sought on a copy at most this long */
#define LOOK_OCR_PIXELS  (3 * 1000 * 1000)  /* OCR reads a copy of at most this many pixels */
#define LOOK_OCR_HALF    (1000 * 1000)      /* larger pictures are read at half their size */
#define LOOK_OCR_SKIP    (30 * 1000 * 1000) /* above this (the upload's size), no OCR at all */
#define LOOK_OCR_MS      4000               /* Tesseract stops after this much CPU time */
#define LOOK_TEXT_MAX    4000               /* bytes of text reported */
#define LOOK_MAX_FACES   64                 /* boxes kept (and blurred) */
#define LOOK_MIN_PIXELS  (64 * 64)          /* smaller pictures are not looked at */

/* Load the face cascade and the OCR models (files: before the sandbox).
 * 0 when both are ready; a check that cannot start is reported as a note
 * by look_run, never silently skipped. */
int look_init(void);
/*
 * Look at w x h pixels of `bands` 8-bit sRGB(A) or grey channels, and print
 *   faces N          faces found (or "note faces: ..." when the check could not run)
 *   blurred N        with blur: that many faces were made unrecognisable in px
 *   text LINE        each line of text read with confidence
 *   note WHY         a check skipped or cut short, in plain words
 * orig_pixels: the size of the upload before any scaling (the OCR skip budget).
 */
void look_run(unsigned char *px, int w, int h, int bands, double orig_pixels, bool blur);

#endif
