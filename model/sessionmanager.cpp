#include "sessionmanager.h"
