/* The calendar feed as iCalendar text, built with libical (see ical.h). */
#include "web/ical.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/slots.h"

#define TZID "Europe/Amsterdam"

/* The EU rule (core/slots.c computes with the same). */
static const char vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                "TZID:" TZID "\r\n"
                                "BEGIN:DAYLIGHT\r\n"
                                "TZOFFSETFROM:+0100\r\n"
                                "TZOFFSETTO:+0200\r\n"
                                "TZNAME:CEST\r\n"
                                "DTSTART:19810329T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                                "END:DAYLIGHT\r\n"
                                "BEGIN:STANDARD\r\n"
                                "TZOFFSETFROM:+0200\r\n"
                                "TZOFFSETTO:+0100\r\n"
                                "TZNAME:CET\r\n"
                                "DTSTART:19961027T030000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                                "END:STANDARD\r\n"
                                "END:VTIMEZONE\r\n";

/* Local time with TZID, as calendars show it best; but a local time that
 * occurs twice (the last Sunday of October, 02:00-03:00) in UTC: RFC 5545
 * means the first, libical 3.0 reads the second, so only UTC is certain. */
static icalproperty *local_time(icalproperty *(*mk)(struct icaltimetype), int64_t t)
{
	int32_t day, d2;
	int minute, y, m, d, m2;
	ams_local(t, &day, &minute);
	for (int k = -1; k <= 1; k += 2) {
		ams_local(t + k * 3600, &d2, &m2);
		if (d2 == day && m2 == minute)
			return mk(icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone()));
	}
	civil_from(day, &y, &m, &d);
	struct icaltimetype it = icaltime_null_time();
	it.year = y;
	it.month = m;
	it.day = d;
	it.hour = minute / 60;
	it.minute = minute % 60;
	it.second = 0;
	it.is_date = 0;
	icalproperty *p = mk(it);
	icalproperty_add_parameter(p, icalparameter_new_tzid(TZID));
	return p;
}

static const char *kind_text(const char *key)
{
	if (!strcmp(key, "eerste_gesprek"))
		return "Eerste gesprek";
	if (!strcmp(key, "controle"))
		return "Controle";
	if (!strcmp(key, "videogesprek"))
		return "Videogesprek";
	if (!strcmp(key, "telefonisch"))
		return "Telefonisch gesprek";
	return "Afspraak";
}

char *ical_feed(struct arena *a, const struct appointment *v, const char *const *names, size_t n, const char *host,
                const char *base_url)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//kring//afspraken//NL"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent *tz = icalcomponent_new_from_string(vtimezone);
	if (tz)
		icalcomponent_add_component(cal, tz);
	icaltimezone *utc = icaltimezone_get_utc_timezone();
	char buf[512];
	for (size_t i = 0; i < n; i++) {
		const struct appointment *ap = &v[i];
		icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		snprintf(buf, sizeof buf, "afspraak-%llu@%s", (unsigned long long)ap->id, host);
		icalcomponent_add_property(ev, icalproperty_new_uid(buf));
		icalcomponent_add_property(ev, icalproperty_new_dtstamp(icaltime_from_timet_with_zone((time_t)ap->updated_at, 0, utc)));
		icalcomponent_add_property(ev, icalproperty_new_created(icaltime_from_timet_with_zone((time_t)ap->created_at, 0, utc)));
		icalcomponent_add_property(ev, icalproperty_new_lastmodified(icaltime_from_timet_with_zone((time_t)ap->updated_at, 0, utc)));
		icalcomponent_add_property(ev, local_time(icalproperty_new_dtstart, ap->starts_at));
		icalcomponent_add_property(ev, local_time(icalproperty_new_dtend, ap->ends_at));
		icalcomponent_add_property(ev, icalproperty_new_sequence((int)ap->seq));
		icalcomponent_add_property(ev, icalproperty_new_status(ap->state == APPT_CANCELLED ? ICAL_STATUS_CANCELLED
		                                                                                   : ICAL_STATUS_CONFIRMED));
		snprintf(buf, sizeof buf, "%s bij %s", kind_text(ap->kind), names[i] ? names[i] : "?");
		icalcomponent_add_property(ev, icalproperty_new_summary(buf));
		icalproperty *org = icalproperty_new_organizer(base_url);
		if (names[i])
			icalproperty_add_parameter(org, icalparameter_new_cn(names[i]));
		icalcomponent_add_property(ev, org);
		icalcomponent_add_property(ev, icalproperty_new_transp(ap->state == APPT_CANCELLED ? ICAL_TRANSP_TRANSPARENT
		                                                                                   : ICAL_TRANSP_OPAQUE));
		icalcomponent_add_component(cal, ev);
	}
	char *s = icalcomponent_as_ical_string_r(cal);
	char *out = s ? arena_strdup(a, s) : NULL;
	free(s);
	icalcomponent_free(cal);
	return out;
}
