-- wrk script: POSTs one GraphQL document with the API key from the environment (CAMPAIGND_API_KEY).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("CAMPAIGND_API_KEY")
wrk.body = '{"query":"{ campaigns(first: 20) { edges { node { name budget { amount } units { name creatives { headline } } } } } }"}'

local failures = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"edges"', 1, true) or string.find(body, '"errors"', 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 or error responses seen by one thread: %d\n", failures))
end
