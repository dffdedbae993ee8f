// A small ActivityPub server built with Fedify (npm @fedify/fedify), a
// framework we did not write, to test kring's federation against it
// (tests/blackbox/test_fed_fedify.py, docs/federation.md).
//
//   node peer.mjs PORT
//
// It listens on 127.0.0.1:PORT (plain http: tests only, Fedify's
// allowPrivateAddress lets it reach kring on loopback) and has one actor,
// "fedi".  Fedify verifies the HTTP Signature of every activity posted to
// its inbox before a listener below sees it, so everything in the log was
// verified.  The test drives it through /_test/... (loopback only):
//   GET  /_test/log              activities received (verified), as JSON-LD
//   POST /_test/follow {actor}   fedi follows that actor
//   POST /_test/reply {actor, inReplyTo, content}  fedi replies publicly
//   POST /_test/post {content}   fedi posts publicly to its followers
// reply and post also take summary (a content warning), sensitive, hashtags
// (names), mentions (actor ids), attachments ([{url, mediaType, name}]) and
// poll ({options, multiple}: a Question).
//   GET  /_test/followers        actor ids that follow fedi (Accept sent)
//   POST /_test/collections {actor}  fedi reads the actor's outbox (every
//        page) and featured collection with signed GETs, as Mastodon does
//        when someone first looks at a remote profile
import http from "node:http";
import {
  Accept,
  Activity,
  Collection,
  Create,
  Document,
  Endpoints,
  Follow,
  Hashtag,
  Mention,
  Note,
  Person,
  PUBLIC_COLLECTION,
  Question,
  Undo,
  createFederation,
  generateCryptoKeyPair,
  MemoryKvStore,
} from "@fedify/fedify";
import { configure, getConsoleSink } from "@logtape/logtape";

const port = Number(process.argv[2]);
if (!(port > 0 && port < 65536)) {
  console.error("usage: node peer.mjs PORT");
  process.exit(2);
}
const origin = `http://127.0.0.1:${port}`;
const ME = "fedi";

await configure({
  sinks: { console: getConsoleSink() },
  loggers: [
    { category: "fedify", sinks: ["console"], lowestLevel: "warning" },
    { category: ["logtape", "meta"], sinks: ["console"], lowestLevel: "warning" },
  ],
});

const keys = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const log = [];           // activities received, verified by Fedify
const followers = new Map(); // actor id -> Actor (followers of fedi)
let seq = 0;
const next = (what) => new URL(`${origin}/${what}/${++seq}`);

const federation = createFederation({
  kv: new MemoryKvStore(),
  allowPrivateAddress: true, // kring listens on 127.0.0.1 in the tests
  origin,
});

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== ME) return null;
    const pairs = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Fedify peer",
      summary: "A test peer built with Fedify",
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      url: ctx.getActorUri(identifier),
      publicKey: pairs[0].cryptographicKey,
      assertionMethods: pairs.map((p) => p.multikey),
    });
  })
  .setKeyPairsDispatcher(async (_ctx, identifier) => (identifier === ME ? [keys] : []));

async function remember(ctx, activity) {
  log.push(await activity.toJsonLd({ format: "compact", contextLoader: ctx.contextLoader }));
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    await remember(ctx, follow);
    if (follow.objectId?.href !== ctx.getActorUri(ME).href) return;
    const follower = await follow.getActor(ctx);
    if (follower == null || follower.id == null) return;
    followers.set(follower.id.href, follower);
    await ctx.sendActivity({ identifier: ME }, follower,
      new Accept({ id: next("accepts"), actor: ctx.getActorUri(ME), object: follow }));
  })
  .on(Undo, async (ctx, undo) => {
    await remember(ctx, undo);
    const obj = await undo.getObject(ctx);
    if (obj instanceof Follow && undo.actorId) followers.delete(undo.actorId.href);
  })
  .on(Activity, async (ctx, activity) => {
    await remember(ctx, activity);
  })
  .onError((_ctx, error) => console.error("fedify peer inbox error:", error));

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
}

// The test's side door.
async function control(req, res, url) {
  const ctx = federation.createContext(new URL(origin), undefined);
  const me = ctx.getActorUri(ME);
  const send = (status, obj) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(obj));
  };
  if (req.method === "GET" && url.pathname === "/_test/log") return send(200, log);
  if (req.method === "GET" && url.pathname === "/_test/followers") return send(200, [...followers.keys()]);
  const body = await readJson(req);
  if (url.pathname === "/_test/follow") {
    const actor = await ctx.lookupObject(body.actor);
    if (actor == null || actor.inboxId == null) return send(404, { error: "no such actor" });
    const id = next("follows");
    await ctx.sendActivity({ identifier: ME }, actor, new Follow({ id, actor: me, object: actor.id }));
    return send(200, { id: id.href });
  }
  if (url.pathname === "/_test/reply" || url.pathname === "/_test/post") {
    const to = url.pathname === "/_test/reply" ? await ctx.lookupObject(body.actor) : null;
    if (url.pathname === "/_test/reply" && (to == null || to.inboxId == null))
      return send(404, { error: "no such actor" });
    const noteId = next("notes");
    const tags = [
      ...(body.hashtags ?? []).map((h) => new Hashtag({ name: `#${h}`, href: new URL(`${origin}/tags/${h}`) })),
      ...(body.mentions ?? []).map((m) => new Mention({ name: m, href: new URL(m) })),
    ];
    const values = {
      id: noteId,
      attribution: me,
      content: body.content,
      summary: body.summary ?? null,
      sensitive: body.sensitive ?? null,
      tags,
      attachments: (body.attachments ?? []).map((d) =>
        new Document({ url: new URL(d.url), mediaType: d.mediaType, name: d.name ?? null })),
      replyTarget: body.inReplyTo ? new URL(body.inReplyTo) : null,
      to: PUBLIC_COLLECTION,
      ccs: to ? [new URL(`${me.href}/followers`), to.id] : [new URL(`${me.href}/followers`)],
    };
    let note;
    if (body.poll) {
      const opts = body.poll.options.map((name) =>
        new Note({ name, replies: new Collection({ totalItems: 0 }) }));
      note = new Question({ ...values, ...(body.poll.multiple ? { inclusiveOptions: opts } : { exclusiveOptions: opts }) });
    } else {
      note = new Note(values);
    }
    const create = new Create({
      id: new URL(`${noteId.href}/activity`), actor: me, object: note,
      to: PUBLIC_COLLECTION, ccs: note.ccIds,
    });
    const recipients = to ? [to] : [...followers.values()];
    if (recipients.length) await ctx.sendActivity({ identifier: ME }, recipients, create);
    return send(200, { id: noteId.href, sent: recipients.length });
  }
  if (url.pathname === "/_test/collections") {
    const opts = { documentLoader: await ctx.getDocumentLoader({ identifier: ME }), contextLoader: ctx.contextLoader };
    const actor = await ctx.lookupObject(body.actor, opts);
    if (actor == null || actor.outboxId == null) return send(404, { error: "no such actor" });
    const note = (o) => ({ type: o?.constructor?.name ?? null, id: o?.id?.href ?? null,
      content: o?.content?.toString() ?? null });
    const outbox = [];
    const box = await actor.getOutbox(opts);
    for await (const it of ctx.traverseCollection(box, opts)) {
      outbox.push({ type: it.constructor.name, id: it.id?.href ?? null,
        object: it instanceof Create ? note(await it.getObject(opts)) : null });
      if (outbox.length > 200) break;
    }
    const featured = [];
    const f = await actor.getFeatured(opts);
    if (f != null) for await (const it of ctx.traverseCollection(f, opts)) featured.push(note(it));
    return send(200, { totalItems: box?.totalItems ?? null, outbox, featured });
  }
  return send(404, { error: "unknown" });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, origin);
    if (url.pathname.startsWith("/_test/")) return await control(req, res, url);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
      else if (v != null) headers.set(k, v);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
    const response = await federation.fetch(request, {
      contextData: undefined,
      onNotFound: () => new Response("not found", { status: 404 }),
      onNotAcceptable: () => new Response("not acceptable", { status: 406 }),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    console.error("fedify peer error:", e);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
server.listen(port, "127.0.0.1", () => console.log(`fedify peer listening on ${origin}`));
