#pragma once

#include <QList>

// Looks `indexes` (in ascending order) up in `map` walking it in step: most often the next
// index is the next key (a filmstrip selection, a batch's frames), so most lookups cost one
// step instead of a search. `found(index, it)` gets map.cend() for an index the map does not
// hold, and returns false to stop the walk; walkInStep() returns false when it was stopped.
template <typename Map, typename Found>
bool walkInStep(const Map &map, const QList<int> &indexes, Found found)
{
    auto it = map.cbegin();
    for (const int index : indexes) {
        if (it != map.cend() && it.key() < index)
            ++it;
        if (it == map.cend() || it.key() != index)
            it = map.constFind(index);
        if (!found(index, it))
            return false;
    }
    return true;
}
