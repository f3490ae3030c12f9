-- wrk script: POSTs one GraphQL document (BENCH_DOCUMENT) with an API key (BENCH_KEY), both from the environment,
-- and counts, over all threads, the answers that are not 200 or carry errors.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
local document = os.getenv("BENCH_DOCUMENT"):gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n")
wrk.body = '{"query":"' .. document .. '"}'

local threads = {}
function setup(thread) table.insert(threads, thread) end

failures = 0
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then failures = failures + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failures") end
  io.write(string.format("failed answers: %d\n", total))
end
