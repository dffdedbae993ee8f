#ifndef CORE_FED_NOTE_INT_H
#define CORE_FED_NOTE_INT_H

/*
 * Notes with more than text (core/fed_note.c, internal to core): how the
 * public collection may be written, and the parts of a Note beyond its
 * content, in and out: mentions and hashtags (`tag`), a content warning
 * (`summary`, `sensitive`), media with alt text (`attachment`), a poll
 * (a `Question`).  docs/federation.md, "Notes".
 */

#include <jansson.h>
#include <stdbool.h>

#include "base/arena.h"
#include "core/core_int.h"
#include "core/fed_read.h"

#define FED_NOTE_TAGS_MAX     16   /* hashtags taken from an incoming Note */
#define FED_NOTE_MENTIONS_MAX 32   /* mentions looked at in one */
#define FED_NOTE_MEDIA_MAX    8    /* attachments kept of one */
#define FED_NOTE_SUMMARY_MAX  1000 /* bytes of a content warning kept */

/* fed_is_public: in core/fed_read.h (pure, fuzzed). */

/* The @context of an activity carrying a Note: ActivityStreams and the
 * terms it lacks that Notes use (sensitive, Hashtag, votersCount), as
 * Mastodon writes them, so JSON-LD processors (Fedify) keep them. */
json_t *fed_note_context(void);

/* Out: the parts of p (which may leave; its Note is o, by actor) beyond
 * its text: summary/sensitive, tag (Mention, Hashtag), attachment
 * (Document with name), and a poll makes o a Question. */
void fed_note_out(struct core *c, struct arena *a, const struct post *p, json_t *o, const char *base);

/* In, before the post is stored: the hashtags of Note o (text_tags's
 * form) and the accounts here it mentions (local ones, and remote ones
 * known here), into pn's tags and recipients. */
void fed_note_in_tags(struct core *c, struct arena *a, json_t *o, struct post_new *pn);
/* In, after the post id is stored (same transaction): its content warning,
 * a Question's options (as a poll; counts from the origin are not kept),
 * and the attachments' remote URLs and descriptions (nothing downloaded). */
int fed_note_in_extras(struct core *c, struct arena *a, json_t *o, uint64_t post) WARN_UNUSED;
/* In, for an Update of a Note taken in before: its content warning (given
 * or taken away; *changed when it differs), its attachments again, and a
 * Question's counts. */
int fed_note_in_update(struct core *c, struct arena *a, json_t *o, uint64_t post, bool *changed) WARN_UNUSED;
/* A Question's counts as its origin gives them (each option's
 * replies.totalItems, votersCount) kept for post's poll; nothing when o is
 * no Question or gives none. */
int fed_poll_counts_in(struct core *c, json_t *o, uint64_t post) WARN_UNUSED;
/* After store_post_extras: received posts' attachments into their x->media
 * (as media with remote_url; their id is the post's id + place + 1). */
void fed_note_media(struct core *c, struct arena *a, struct post *const *v, size_t n);

#endif
