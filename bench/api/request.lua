-- One wrk script for every scenario: METHOD, PATH, BODY and TOKEN come from the environment.
-- done() prints one machine-readable line: RESULT <name> <req/s> <p50 ms> <p99 ms> <requests> <non-2xx> <socket errors>
wrk.method = os.getenv("METHOD") or "GET"
wrk.path = os.getenv("PATH_AND_QUERY") or "/"
local body = os.getenv("BODY")
if body and #body > 0 then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
local token = os.getenv("TOKEN")
if token and #token > 0 then
  wrk.headers["Authorization"] = "Bearer " .. token
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s %.0f %.2f %.2f %d %d %d\n", os.getenv("NAME"), summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status, socket))
end
