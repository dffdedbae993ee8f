/*
 * Privacy-guard throughput: scans a mix of realistic posts (see posts[]) built
 * up to 5,000-character texts and reports MB/s and microseconds per post,
 * measured in thread CPU time (one core).
 * Prints numbers, not verdicts.   usage: scan_bench [seconds [typical|dense]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "scan/scan.h"

static const char *const posts[] = {
	"Goedemorgen allemaal! Vandaag is er weer koffie-inloop in de huiskamer van 10.00 tot 11.30 uur. "
	"Iedereen is welkom, ook familie en buren. Vergeet niet dat de kapper op donderdag komt. ",
	"Mevrouw de Graaf van kamer 14 is vanochtend gevallen, ze heeft waarschijnlijk een heupfractuur. "
	"Familie is ingelicht; dochter is bereikbaar op 06-41234567. ",
	"Vacature: verzorgende IG voor 24 uur per week in Almelo. Meer weten? Bel ons op 088 123 45 67 of "
	"mail naar werkenbij@zorggroep.example.nl. Wij bieden een fijne werkplek en goede begeleiding. ",
	"Diabetes type 2 komt steeds vaker voor. Bewegen en gezond eten helpen om de bloedsuiker stabiel "
	"te houden. Onze praktijkondersteuner geeft op 14 maart een voorlichting in het wijkcentrum. ",
	"Ik ben Samira, de dochter van mevrouw Amrani. Kunnen jullie mij bellen? Haar BSN is 123456782 "
	"en de rekening loopt via NL91 ABNA 0417 1643 00. Zij is geboren op 3 maart 1945. ",
	"Het congres Social Media in de Zorg vond plaats in Nieuwegein. Sprekers lieten zien hoe "
	"ziekenhuizen reageren op klachten en hoe ambassadeurs op sociale media goud waard kunnen zijn. ",
};

static double now(void)
{
	struct timespec ts;
	/* CPU time of this thread: the figure for one core, even on a busy machine */
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Build NPOST texts of POSTLEN bytes from the posts whose bit is set in mask. */
enum { NPOST = 64, POSTLEN = 5000 };

static void build(char **text, unsigned mask)
{
	size_t np = sizeof posts / sizeof posts[0];
	for (int i = 0; i < NPOST; i++) {
		struct buf b = BUF_INIT(BUF_NOLIMIT);
		for (size_t k = (size_t)i; b.len < POSTLEN; k = k * 7 + 3)
			if (mask & (1u << (k % np)))
				buf_nofail(buf_adds(&b, posts[k % np]));
		b.ptr[POSTLEN] = '\0';
		text[i] = buf_take(&b, NULL);
	}
}

static void run(const char *label, unsigned mask, double secs)
{
	char *text[NPOST];
	build(text, mask);
	struct scan_result r = {0};
	size_t bytes = 0, n = 0, findings = 0;
	double t0 = now(), t;
	do {
		for (int i = 0; i < NPOST; i++) {
			scan_text(text[i], POSTLEN, NULL, &r);
			findings += r.n;
		}
		bytes += (size_t)NPOST * POSTLEN;
		n += NPOST;
		t = now() - t0;
	} while (t < secs);
	printf("%-28s %6zu posts of %d bytes in %.2f s: %5.1f MB/s, %6.1f us per post (%.1f findings/post)\n",
	       label, n, POSTLEN, t, (double)bytes / t / 1e6, t / (double)n * 1e6,
	       (double)findings / (double)n);
	scan_result_release(&r);
	for (int i = 0; i < NPOST; i++)
		free(text[i]);
}

int main(int argc, char **argv)
{
	double secs = argc > 1 ? atof(argv[1]) : 2.0;
	if (scan_init() != 0) {
		fprintf(stderr, "scan_bench: scan_init failed\n");
		return 1;
	}
	/* posts 0, 3, 5 are general text; 1 and 4 are dense with client data; 2 is a vacancy */
	const char *only = argc > 2 ? argv[2] : "";
	if (strcmp(only, "dense") != 0)
		run("typical (general posts):", 0x29, secs);
	if (strcmp(only, "typical") != 0)
		run("dense (all six posts):", 0x3f, secs);
	return 0;
}
