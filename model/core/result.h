#pragma once

#include "core/outcome.h"

#include <QtGlobal>

#include <optional>
#include <utility>

// The result of an operation that gives back data and can fail for a reason
// the operator can act on: the data, or the Outcome that says why there is
// none (never Ok). Operations that give back nothing return an Outcome.
//
//   Result<QJsonObject> read = readManifest(path);
//   if (!read)
//       return read.outcome();          // or read.outcome().message()
//   use(*read);                         // read->value(...), read.value()
//
// A function returns either kind implicitly: `return object;` or
// `return Outcome::invalid(tr("..."));`. Moving a Result moves its value;
// value(), * and -> on a Result without one are a programming error.
template <typename T> class Result
{
public:
    Result(const T &value) : m_value(value) {}
    Result(T &&value) : m_value(std::move(value)) {}
    Result(Outcome why) : m_outcome(std::move(why))
    {
        Q_ASSERT_X(!m_outcome.isOk(), "Result", "a Result without a value says why");
        if (m_outcome.isOk())
            m_outcome = Outcome::failed(QString());
    }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }

    // Ok when there is a value; otherwise why there is none.
    const Outcome &outcome() const { return m_outcome; }

    const T &value() const &
    {
        Q_ASSERT(isOk());
        return *m_value;
    }
    T &value() &
    {
        Q_ASSERT(isOk());
        return *m_value;
    }
    T &&value() &&
    {
        Q_ASSERT(isOk());
        return std::move(*m_value);
    }
    // The value, or `fallback` when there is none.
    T valueOr(T fallback) const & { return m_value ? *m_value : std::move(fallback); }
    T valueOr(T fallback) && { return m_value ? std::move(*m_value) : std::move(fallback); }

    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

private:
    std::optional<T> m_value;
    Outcome m_outcome;
};
