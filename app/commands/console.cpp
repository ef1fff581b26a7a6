#include "commands/console.h"

#include <cstdio>

namespace {

// Flushed at once, so that what Director prints and what Qt prints (its warnings) come out in
// the order they were written.
void write(std::FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

void Console::print(const QString &text) const
{
    if (m_out)
        m_out->append(text);
    else
        write(stdout, text);
}

void Console::printError(const QString &text) const
{
    if (m_err)
        m_err->append(text);
    else
        write(stderr, text);
}

void Console::error(const QString &message) const
{
    printError(QStringLiteral("director: ") + message + QLatin1Char('\n'));
}
