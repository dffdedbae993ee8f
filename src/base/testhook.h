#ifndef BASE_TESTHOOK_H
#define BASE_TESTHOOK_H

/*
 * Stopping points for black-box tests, compiled only into the test build
 * (-DKRING_TEST_BUILD).  With KRING_TEST_PAUSE=name:ms in the environment,
 * TESTHOOK_PAUSE("name") writes "testhook: paused at name" to stderr and
 * sleeps ms milliseconds, so a test can kill the server at a known point
 * inside an action (tests/blackbox/test_crash_atomic.py).  In the release
 * build it is nothing at all.
 */
#ifdef KRING_TEST_BUILD
void testhook_pause(const char *name);
#define TESTHOOK_PAUSE(name) testhook_pause(name)
#else
#define TESTHOOK_PAUSE(name) ((void)0)
#endif

#endif
