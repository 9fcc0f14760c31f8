// loadgen's command line parsed into Options; usage errors exit with status 2.
#include "loadgenoptions.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace loadgen {

namespace {

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr,
        "loadgen: %s\n"
        "usage: loadgen --url ws://127.0.0.1:PORT/path [--connections N] [--window W] [--size S]\n"
        "               [--warmup SEC] [--duration SEC] [--timeout SEC]\n"
        "       loadgen --url ws://127.0.0.1:PORT/path --idle N [--concurrency K] [--duration SEC] [--timeout SEC]\n",
        why);
    std::exit(2);
}

bool parseUrl(const std::string &url, Options *o)
{
    const std::string scheme = "ws://";
    if (url.compare(0, scheme.size(), scheme) != 0)
        return false;
    const std::string rest = url.substr(scheme.size());
    const size_t slash = rest.find('/');
    const std::string authority = rest.substr(0, slash);
    o->path = slash == std::string::npos ? "/" : rest.substr(slash);
    const size_t colon = authority.rfind(':');
    if (colon == std::string::npos)
        return false;
    o->host = authority.substr(0, colon);
    o->port = std::atoi(authority.c_str() + colon + 1);
    return o->port > 0 && o->port < 65536;
}

} // namespace

Options parseArgs(int argc, char **argv)
{
    Options o;
    bool haveUrl = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char * {
            if (i + 1 >= argc)
                usage(("missing value for " + a).c_str());
            return argv[++i];
        };
        if (a == "--url") {
            if (!parseUrl(value(), &o))
                usage("the URL must be ws://HOST:PORT/path");
            haveUrl = true;
        } else if (a == "--connections" || a == "-c") {
            o.connections = std::atoi(value());
        } else if (a == "--window" || a == "-w") {
            o.window = std::atoi(value());
        } else if (a == "--size" || a == "-s") {
            o.size = std::atoi(value());
        } else if (a == "--warmup") {
            o.warmup = std::atof(value());
        } else if (a == "--duration" || a == "-d") {
            o.duration = std::atof(value());
        } else if (a == "--timeout") {
            o.timeout = std::atof(value());
        } else if (a == "--concurrency") {
            o.concurrency = std::atoi(value());
        } else if (a == "--idle") {
            o.idle = std::atoi(value());
        } else {
            usage(("unknown option " + a).c_str());
        }
    }
    if (!haveUrl)
        usage("--url is required");
    if (o.concurrency < 1 || o.connections < 1 || o.window < 1 || o.size < 0 || o.size > 65535 || o.duration <= 0
        || o.idle < 0)
        usage("bad numbers");
    return o;
}

} // namespace loadgen
