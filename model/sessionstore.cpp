#include "sessionstore.h"
