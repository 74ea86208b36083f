-- wrk script: POSTs signed GitHub pull_request deliveries, rotating through the pull requests
-- listed in $WEBHOOK_INDEX ("BODY-FILE SIGNATURE" per line, made by make-webhook-deliveries.py),
-- each request with a delivery id of its own, so every request is stored as a new job.
local deliveries = {}
for line in io.lines(os.getenv("WEBHOOK_INDEX")) do
  local path, signature = line:match("^(%S+) (%S+)$")
  local file = io.open(path, "rb")
  deliveries[#deliveries + 1] = { body = file:read("*a"), signature = signature }
  file:close()
end
local counter = 0
local next_thread = 0

-- Each thread gets its number as the global `thread_number` (a global: thread:set sets globals).
function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end

function request()
  counter = counter + 1
  local delivery = deliveries[(counter + thread_number * 7919) % #deliveries + 1]
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-GitHub-Event"] = "pull_request",
    ["X-GitHub-Delivery"] = string.format("bench-%d-%d-%d", os.time(), thread_number, counter),
    ["X-Hub-Signature-256"] = "sha256=" .. delivery.signature,
  }
  return wrk.format("POST", "/webhooks/github", headers, delivery.body)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors: status %d, connect %d, timeout %d\n", summary.requests,
    summary.errors.status, summary.errors.connect, summary.errors.timeout))
  io.write(string.format("throughput %.0f deliveries/s\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
