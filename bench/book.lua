-- wrk script: every request is a first-dose booking of a person of its own (POST /api/v1/bookings), so that wrk,
-- a client that costs almost no CPU, measures how many bookings a second the backend itself takes. Used by
-- bench/load.sh ("wrk bookings/s"); by hand:
--   wrk -t2 -c64 -d10s -s bench/book.lua http://127.0.0.1:PORT
-- Prints "BOOKED n OTHER m" at the end: answers 201 and any other status (a 202 would mean the waiting room held
-- the person back, which the saturated plan of the load run does not do), then one line per other status and
-- reason with its count and the first answer's body: "STATUS 409 ALREADY_BOOKED 3 {...}".
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

function init(args)
    booked = 0
    other = 0
    kinds = {}
    samples = {}
    n = 0
    -- People of their own in every wrk process: wrk's random numbers start alike in each process, so two wrk runs
    -- started in the same second (one per instance) would book the same people twice and be told ALREADY_BOOKED.
    local urandom = io.open("/dev/urandom", "rb")
    run = string.gsub(urandom:read(8), ".", function(c) return string.format("%02x", string.byte(c)) end)
    urandom:close()
    wrk.method = "POST"
    wrk.path = "/api/v1/bookings"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    n = n + 1
    local year = 1967 + (n % 5)
    local body = string.format('{"personId": "wrk-%s-%d-%d", "birthDate": "%d-03-15", "region": "Seoul"}',
        run, id, n, year)
    return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
    if status == 201 then
        booked = booked + 1
    else
        other = other + 1
        local reason = string.match(body or "", '"reason"%s*:%s*"([^"]*)"') or "-"
        local kind = tostring(status) .. " " .. reason
        if kinds[kind] == nil then
            kinds[kind] = 0
            samples[kind] = string.sub(body or "", 1, 300)
        end
        kinds[kind] = kinds[kind] + 1
    end
end

function done(summary, latency, requests)
    local b, o = 0, 0
    local counts, firsts = {}, {}
    for _, thread in ipairs(threads) do
        b = b + thread:get("booked")
        o = o + thread:get("other")
        local kinds, samples = thread:get("kinds"), thread:get("samples")
        for kind, count in pairs(kinds or {}) do
            counts[kind] = (counts[kind] or 0) + count
            firsts[kind] = firsts[kind] or samples[kind]
        end
    end
    io.write(string.format("BOOKED %d OTHER %d\n", b, o))
    for kind, count in pairs(counts) do
        io.write(string.format("STATUS %s %d %s\n", kind, count, string.gsub(firsts[kind], "\n", " ")))
    end
end
