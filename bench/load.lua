-- wrk script for bench/run. Every request carries one of several regions' Accept-Language headers in turn (as visitors
-- from different countries would), so a cache that varies by region is exercised, not just hit with one key; and
-- Accept-Encoding as a browser sends it. BENCH_COOKIE, when set, is sent as a Cookie header (the uncached variant).
local languages = {
  "nb-NO,nb;q=0.9,en;q=0.8",
  "en-GB,en;q=0.9",
  "sv-SE,sv;q=0.9,en;q=0.8",
  "en-US,en;q=0.9",
  "de-DE,de;q=0.9,en;q=0.5",
  "da-DK,da;q=0.9",
  "fr-FR,fr;q=0.9",
  "en",
}
local threads = 0
local counter = 0

setup = function(thread)
  threads = threads + 1
  thread:set("offset", threads * 3)
end

init = function(args)
  counter = offset or 0
  wrk.headers["Accept-Encoding"] = "br, gzip"
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
end

request = function()
  counter = counter % #languages + 1
  wrk.headers["Accept-Language"] = languages[counter]
  return wrk.format()
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"name":"%s","url":"%s","variant":"%s","requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"non2xx":%d,"socket_errors":%d}\n',
    os.getenv("BENCH_NAME"), os.getenv("BENCH_URL"), os.getenv("BENCH_VARIANT"), summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
