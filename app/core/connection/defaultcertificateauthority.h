// DefaultCertificateAuthority: the process's own CA, in the app's data folder, loaded once.
#pragma once

namespace wsi {

class CertificateAuthority;
class RecordedText;

// The CA whose leaves intercept wss for every connection, server and proxy that was given no other one
// (Connection::defaultCertificateAuthority() is its public face). Made on first use: its key file is created
// (mode 0600) in AppDataLocation/ca the first time, read on later runs, and never installed anywhere.
class DefaultCertificateAuthority
{
public:
    // warning: what went wrong loading or creating it (English in files, translated in the window), if asked.
    static CertificateAuthority *instance(RecordedText *warning);
};

} // namespace wsi
