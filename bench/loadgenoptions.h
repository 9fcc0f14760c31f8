#pragma once

// loadgen's command line: what to connect to and how much load to put on it (usage in loadgen.cpp).

#include <string>

namespace loadgen {

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path = "/";
    int connections = 1;
    int window = 16;
    int size = 32;
    double warmup = 2;
    double duration = 5;
    double timeout = 60; // for connecting and handshaking
    int idle = 0;
    int concurrency = 500; // handshakes in progress at once
};

// Exits with status 2 and the usage text on anything it does not understand.
Options parseArgs(int argc, char **argv);

} // namespace loadgen
