// HttpToken: what may make up an HTTP token (RFC 9110 section 5.6.2), shared by the head and header parsers.
#pragma once

namespace wsi {

class HttpToken
{
public:
    // A tchar: a token is one or more of these.
    static constexpr bool isTokenChar(char c)
    {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return true;
        switch (c) {
        case '!':
        case '#':
        case '$':
        case '%':
        case '&':
        case '\'':
        case '*':
        case '+':
        case '-':
        case '.':
        case '^':
        case '_':
        case '`':
        case '|':
        case '~':
            return true;
        default:
            return false;
        }
    }
};

} // namespace wsi
