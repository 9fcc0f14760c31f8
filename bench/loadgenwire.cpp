// The WebSocket bytes loadgen writes and reads (see loadgenwire.h).
#include "loadgenwire.h"

#include <openssl/evp.h>

#include <algorithm>

namespace loadgen {

std::string base64(const unsigned char *data, size_t size)
{
    std::string out(4 * ((size + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), data, int(size));
    out.resize(size_t(n));
    return out;
}

std::string expectedAccept(const std::string &key)
{
    const std::string input = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha1(), nullptr);
    return base64(digest, length);
}

// A masked text frame of `size` bytes with a fixed mask: every frame a connection sends is identical.
std::string buildFrame(int size)
{
    std::string frame;
    frame.push_back(char(0x81));
    if (size < 126) {
        frame.push_back(char(0x80 | size));
    } else {
        frame.push_back(char(0x80 | 126));
        frame.push_back(char(size >> 8));
        frame.push_back(char(size & 0xff));
    }
    const unsigned char mask[4] = { 0x37, 0xfa, 0x21, 0x3d };
    frame.append(reinterpret_cast<const char *>(mask), 4);
    for (int i = 0; i < size; ++i)
        frame.push_back(char(('a' + i % 26) ^ mask[i % 4]));
    return frame;
}

uint64_t countMessages(FrameReader &r, const unsigned char *data, size_t size, const char **error)
{
    uint64_t complete = 0;
    while (size > 0) {
        if (r.payloadLeft > 0) {
            const size_t skip = size_t(std::min<uint64_t>(r.payloadLeft, size));
            r.payloadLeft -= skip;
            data += skip;
            size -= skip;
            continue;
        }
        // Fast path: a whole small frame in the buffer.
        if (r.headerHave == 0 && size >= 2 && (data[1] & 0x7f) < 126) {
            const unsigned opcode = data[0] & 0x0f;
            const size_t length = data[1] & 0x7f;
            if ((data[1] & 0x80) || opcode == 0x8) {
                *error = opcode == 0x8 ? "the server sent a Close frame" : "the server masked a frame";
                return complete;
            }
            if ((data[0] & 0x80) && opcode < 0x8)
                ++complete;
            data += 2;
            size -= 2;
            r.payloadLeft = length;
            continue;
        }
        r.header[r.headerHave++] = *data++;
        --size;
        if (r.headerHave < 2)
            continue;
        const unsigned code = r.header[1] & 0x7f;
        const size_t need = code < 126 ? 2 : code == 126 ? 4 : 10;
        if (r.headerHave < need)
            continue;
        uint64_t length = code;
        if (code == 126)
            length = (uint64_t(r.header[2]) << 8) | r.header[3];
        else if (code == 127) {
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | r.header[i];
        }
        const unsigned opcode = r.header[0] & 0x0f;
        if ((r.header[1] & 0x80) || opcode == 0x8) {
            *error = opcode == 0x8 ? "the server sent a Close frame" : "the server masked a frame";
            return complete;
        }
        if ((r.header[0] & 0x80) && opcode < 0x8)
            ++complete;
        r.headerHave = 0;
        r.payloadLeft = length;
    }
    return complete;
}

} // namespace loadgen
