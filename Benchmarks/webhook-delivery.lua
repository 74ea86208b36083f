-- wrk script: POSTs one signed GitHub pull_request delivery over and over, each with a delivery
-- id of its own, so every request is stored as a new job. The body and its signature come from
-- the environment (scripts/bench-webhooks sets them).
local body_file = io.open(os.getenv("WEBHOOK_BODY"), "rb")
local body = body_file:read("*a")
body_file:close()
local signature = os.getenv("WEBHOOK_SIGNATURE")
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-GitHub-Event"] = "pull_request",
    ["X-GitHub-Delivery"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter),
    ["X-Hub-Signature-256"] = "sha256=" .. signature,
  }
  return wrk.format("POST", "/webhooks/github", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors: status %d, connect %d, timeout %d\n", summary.requests,
    summary.errors.status, summary.errors.connect, summary.errors.timeout))
  io.write(string.format("throughput %.0f deliveries/s\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
