-- wrk script: every request is a first-dose booking of a person of its own (POST /api/v1/bookings), so that wrk,
-- a client that costs almost no CPU, measures how many bookings a second the backend itself takes. Used by
-- bench/load.sh ("wrk bookings/s"); by hand:
--   wrk -t2 -c64 -d10s -s bench/book.lua http://127.0.0.1:PORT
-- Prints "BOOKED n OTHER m" at the end: answers 201 and any other status (a 202 would mean the waiting room held
-- the person back, which the saturated plan of the load run does not do).
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
    n = 0
    run = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
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
    end
end

function done(summary, latency, requests)
    local b, o = 0, 0
    for _, thread in ipairs(threads) do
        b = b + thread:get("booked")
        o = o + thread:get("other")
    end
    io.write(string.format("BOOKED %d OTHER %d\n", b, o))
end
