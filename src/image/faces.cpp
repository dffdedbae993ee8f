/*
 * Face detection for kring-image: OpenCV's Haar cascade for frontal faces
 * (Debian's opencv-data), wrapped in extern "C" for src/image/main.c.
 * Everything that opens a file or starts threads happens in faces_init,
 * before the helper's seccomp filter closes; faces_detect only computes.
 */
#include <cstdlib>
#include <exception>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/ocl.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "image/faces.h"

static cv::CascadeClassifier *cascade;
static int neighbours = 9;

/* Scale factor 1.1 and 9 neighbours (OpenCV's usual 3-5 saw faces in 4 of 6
 * random cloud textures with the default cascade; alt2 with 9 saw none in 12
 * and still every face in the test photos); a face must be at least 24 px
 * at the detection size.  KRING_FACE_NEIGHBOURS overrides (tuning). */
static int detect(const cv::Mat &grey, int max_side, std::vector<cv::Rect> &found, double &scale, int nb)
{
	cv::Mat small, eq;
	int side = grey.cols > grey.rows ? grey.cols : grey.rows;
	scale = 1.0;
	if (side > max_side) {
		scale = (double)side / max_side;
		cv::resize(grey, small, cv::Size((int)(grey.cols / scale), (int)(grey.rows / scale)), 0, 0, cv::INTER_AREA);
	} else {
		small = grey;
	}
	cv::equalizeHist(small, eq);
	cascade->detectMultiScale(eq, found, 1.1, nb, 0, cv::Size(24, 24));
	return 0;
}

extern "C" int faces_init(const char *cascade_path)
{
	try {
		/* One thread, no OpenCL: nothing to start or load inside the sandbox. */
		cv::setNumThreads(0);
		cv::ocl::setUseOpenCL(false);
		const char *nb = getenv("KRING_FACE_NEIGHBOURS");
		if (nb && atoi(nb) > 0)
			neighbours = atoi(nb);
		cascade = new cv::CascadeClassifier();
		if (!cascade->load(cascade_path))
			return -1;
		/* A first run allocates what detection keeps (and loads nothing later). */
		cv::Mat warm(64, 64, CV_8UC1, cv::Scalar(128));
		std::vector<cv::Rect> found;
		double scale;
		detect(warm, 64, found, scale, neighbours);
		return 0;
	} catch (const std::exception &) {
		return -1;
	}
}

static int find(const unsigned char *grey, int w, int h, int stride, int max_side, struct face_box *out, int max,
                int nb)
{
	if (!cascade || !grey || w <= 0 || h <= 0 || max_side < 32)
		return -1;
	try {
		cv::Mat img(h, w, CV_8UC1, const_cast<unsigned char *>(grey), (size_t)stride);
		std::vector<cv::Rect> found;
		double scale;
		detect(img, max_side, found, scale, nb);
		int n = (int)found.size();
		for (int i = 0; i < n && i < max; i++) {
			out[i].x = (int)(found[i].x * scale);
			out[i].y = (int)(found[i].y * scale);
			out[i].w = (int)(found[i].width * scale);
			out[i].h = (int)(found[i].height * scale);
		}
		return n;
	} catch (const std::exception &) {
		return -1;
	}
}

extern "C" int faces_detect(const unsigned char *grey, int w, int h, int stride, int max_side, struct face_box *out,
                            int max)
{
	return find(grey, w, h, stride, max_side, out, max, neighbours);
}

extern "C" int faces_detect_eager(const unsigned char *grey, int w, int h, int stride, int max_side,
                                  struct face_box *out, int max)
{
	return find(grey, w, h, stride, max_side, out, max, 3);
}
