/* The calendar feed (web/ical.c) parsed back with libical: valid for
 * METHOD:PUBLISH (icalrestriction_check), no parse errors, and its local
 * times with its own VTIMEZONE give back the very UTC instants, across both
 * DST weekends of 2026; UIDs stable, SEQUENCE and STATUS as the booking. */
#include <libical/ical.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "core/slots.h"
#include "web/ical.h"

static int64_t utc(int y, int mo, int d, int h, int mi)
{
	return (int64_t)civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static void test_feed(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	/* spring: Sat 28 Mar 08:00Z (09:00 CET), Sun 29 Mar 01:30Z (03:30 CEST), Mon 30 Mar 07:00Z;
	 * autumn: Sun 25 Oct 00:30Z (02:30 CEST, the first), 01:30Z (02:30 CET, the second), 26 Oct 08:00Z */
	int64_t starts[] = {utc(2026, 3, 28, 8, 0),   utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 7, 0),
	                    utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30), utc(2026, 10, 26, 8, 0)};
	size_t n = sizeof starts / sizeof starts[0];
	struct appointment v[6];
	const char *names[6];
	for (size_t i = 0; i < n; i++) {
		v[i] = (struct appointment){.id = 1000 + i, .provider_id = 7, .client_id = 8, .kind = "controle",
		                            .starts_at = starts[i], .ends_at = starts[i] + 1800, .state = APPT_BOOKED,
		                            .seq = (int64_t)i % 3, .created_at = utc(2026, 1, 1, 0, 0),
		                            .updated_at = utc(2026, 2, 1, 0, 0)};
		names[i] = "Praktijk \"De Es\", Utrecht; huisarts";
	}
	v[2].state = APPT_CANCELLED;
	char *text = ical_feed(&a, v, names, n, "kring.example", "https://kring.example");
	assert_non_null(text);
	assert_non_null(strstr(text, "BEGIN:VTIMEZONE"));
	assert_non_null(strstr(text, "TZID:Europe/Amsterdam"));
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	assert_true(icalrestriction_check(cal));
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	assert_non_null(vtz);
	icaltimezone *zone = icaltimezone_new();
	assert_true(icaltimezone_set_component(zone, icalcomponent_new_clone(vtz)));
	size_t k = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), k++) {
		char uid[64];
		snprintf(uid, sizeof uid, "afspraak-%llu@kring.example", (unsigned long long)v[k].id);
		assert_string_equal(icalcomponent_get_uid(ev), uid);
		assert_int_equal(icalcomponent_get_sequence(ev), (int)v[k].seq);
		assert_int_equal(icalcomponent_get_status(ev), k == 2 ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);
		icalproperty *p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
		icalparameter *tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
		struct icaltimetype t = icalproperty_get_dtstart(p);
		int64_t got;
		if (k == 3 || k == 4) {
			/* 02:30 on 25 October happens twice: written in UTC */
			assert_null(tzp);
			assert_true(icaltime_is_utc(t));
			got = (int64_t)icaltime_as_timet(t);
		} else {
			assert_non_null(tzp);
			assert_string_equal(icalparameter_get_tzid(tzp), "Europe/Amsterdam");
			got = (int64_t)icaltime_as_timet_with_zone(t, zone);
		}
		if (got != starts[k])
			print_error("event %zu: %s read as %lld, want %lld\n", k, icaltime_as_ical_string(t), (long long)got,
			            (long long)starts[k]);
		assert_int_equal(got, starts[k]);
	}
	assert_int_equal(k, n);
	icaltimezone_free(zone, 1);
	icalcomponent_free(cal);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
