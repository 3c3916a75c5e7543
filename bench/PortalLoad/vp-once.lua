-- wrk script: every request carries its own presentation, each made beforehand for its own fresh challenge, and none
-- is sent twice. Arguments: the token file (one VP JWT per line) and the number of wrk threads; thread n takes the
-- lines n, n + threads, n + 2*threads, ... When a thread runs out it stops, so no request goes without a token.
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  local path, threads = args[1], tonumber(args[2])
  tokens = {}
  local line_number = 0
  for line in io.lines(path) do
    if line_number % threads == id then
      tokens[#tokens + 1] = line
    end
    line_number = line_number + 1
  end
  position = 0
end

function request()
  position = position + 1
  local token = tokens[position]
  if token == nil then
    wrk.thread:stop()
    return wrk.format("GET", wrk.path)
  end
  return wrk.format("GET", wrk.path, { ["Authorization"] = "Bearer " .. token })
end
