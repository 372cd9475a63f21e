-- A mixed read/write load for the sustained run: several users (TOKENS, comma-separated), each request drawn at random.
-- 35% record a session, 30% list sessions, 10% stats, 10% one session by id... (see the table below).
-- done() prints: RESULT <name> <req/s> <p50 ms> <p99 ms> <requests> <non-2xx> <socket errors>
local tokens = {}
for token in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = token end
local habits = {}
for habit in string.gmatch(os.getenv("HABITS") or "", "[^,]+") do habits[#habits + 1] = habit end
local session = '{"module_type":"brainwave","brainwave_target":"alpha","generated_content":{"beat_frequency":10,"carrier_frequency":200},"duration_seconds":600,"user_rating":4,"effectiveness_score":0.7}'

-- { weight, method, path (%s: the user's habit), body }
local mix = {
  { 35, "POST", "/api/v1/sessions", session },
  { 30, "GET", "/api/v1/sessions?limit=20", nil },
  { 10, "GET", "/api/v1/sessions/stats", nil },
  { 10, "GET", "/api/v1/me", nil },
  { 10, "POST", "/api/v1/habits/%s/attempts", '{"success":true}' },
  { 5, "PATCH", "/api/v1/me", '{"privacy_settings":{"population_training":true}}' },
}

local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

init = function()
  math.randomseed(os.time() + seed * 7919)
end

request = function()
  local user = math.random(#tokens)
  local roll = math.random(100)
  local pick = mix[#mix]
  for _, entry in ipairs(mix) do
    if roll <= entry[1] then pick = entry break end
    roll = roll - entry[1]
  end
  local headers = { ["Authorization"] = "Bearer " .. tokens[user] }
  if pick[4] then headers["Content-Type"] = "application/json" end
  return wrk.format(pick[2], string.format(pick[3], habits[user]), headers, pick[4])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s %.0f %.2f %.2f %d %d %d\n", os.getenv("NAME") or "mixed", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status, socket))
end
