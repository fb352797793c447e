# Varnish in front of Newsroom (Debian's varnish 7): caches what Newsroom marks public, never the
# admin, previews or POSTs; drops copies by tag when Newsroom bans them (HTTP_CACHE_PURGE_URL).
# Install: /etc/varnish/default.vcl, or varnishd -f /etc/varnish/newsroom.vcl (README).
vcl 4.1;

import directors;
import std;

# The instances' health check, asked as nginx would ask (HTTPS, the site's host name).
probe readyz {
    .request = "GET /readyz HTTP/1.1"
        "Host: news.example.org"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 5s;
    .timeout = 4s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# One backend per gunicorn instance (add app2, app3 … and add them in vcl_init); the probe
# takes an instance out while /readyz fails.
backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = readyz;
}

# Newsroom's instances, which send the bans (BAN with a Surrogate-Key header).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(app1);
}

sub vcl_recv {
    set req.backend_hint = instances.backend();
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Surrogate-Key || req.http.Surrogate-Key !~ "^[a-z0-9_ -]+$") {
            return (synth(400, "Surrogate-Key: space-separated tags expected"));
        }
        # Lurker-friendly (obj.* only): copies carrying any of the tags are dropped.
        # (No blank inside the pattern: the ban expression is split at blanks.)
        ban({"obj.http.Surrogate-Key ~ (^|\s)("} + regsuball(req.http.Surrogate-Key, " +", "|")
            + {")(\s|$)"});
        return (synth(200, "Banned"));
    }
    # The admin is never cached and is the only part that gets the session cookie.
    if (req.url ~ "^/admin(/|$)") {
        return (pass);
    }
    unset req.http.Cookie;
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed preview links of drafts, in any language (/preview/…, /en/preview/…).
    if (req.url ~ "^(/[a-z]{2})?/preview/" || req.http.Authorization) {
        return (pass);
    }
    # max-age bounds staleness: an expired copy is served only while no instance is healthy.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Only what Newsroom marks public, for as long as its Cache-Control says (s-maxage, max-age).
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    # The tags are for bans; readers do not need them.
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
