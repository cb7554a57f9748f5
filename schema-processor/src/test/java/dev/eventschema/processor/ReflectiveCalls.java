package dev.eventschema.processor;

import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Calls methods of the generated classes, which only exist at run time: picks the one overload that
 * accepts the arguments' types and rethrows what the target threw, so that a test sees a
 * {@code SchemaViolationException} as the generated code threw it.
 */
final class ReflectiveCalls {

  private ReflectiveCalls() {}

  /** Calls the instance method {@code name} of {@code target}, such as a schema value's accessor. */
  static Object call(Object target, String name, Object... args) {
    return invoke(target.getClass(), target, name, args);
  }

  /** Calls the static method {@code name} of {@code type}. */
  static Object callStatic(Class<?> type, String name, Object... args) {
    return invoke(type, null, name, args);
  }

  private static Object invoke(Class<?> type, Object target, String name, Object[] args) {
    Method method = find(type, target == null, name, args);
    try {
      method.setAccessible(true);
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static Method find(Class<?> type, boolean isStatic, String name, Object[] args) {
    List<Method> matches = new ArrayList<>();
    List<Method> named = new ArrayList<>();
    for (Method method : allMethods(type)) {
      if (!method.getName().equals(name) || Modifier.isStatic(method.getModifiers()) != isStatic) {
        continue;
      }
      named.add(method);
      if (accepts(method.getParameterTypes(), args)
          && matches.stream().noneMatch(m -> sameParameters(m, method))) {
        matches.add(method);
      }
    }
    if (matches.size() != 1) {
      throw new AssertionError((matches.isEmpty() ? "no" : "more than one") + " method " + type.getName() + "." + name
          + " accepts " + describe(args) + "; candidates: " + named);
    }
    return matches.get(0);
  }

  /** Public methods first (so that interface methods win over those of a package-private class). */
  private static List<Method> allMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (!method.isSynthetic() && !method.isBridge()) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private static boolean sameParameters(Method a, Method b) {
    return List.of(a.getParameterTypes()).equals(List.of(b.getParameterTypes()));
  }

  private static boolean accepts(Class<?>[] parameters, Object[] args) {
    if (parameters.length != args.length) {
      return false;
    }
    for (int i = 0; i < parameters.length; i++) {
      Class<?> parameter = parameters[i];
      Object arg = args[i];
      if (arg == null) {
        if (parameter.isPrimitive()) {
          return false;
        }
      } else if (parameter.isPrimitive() ? !wrapper(parameter).isInstance(arg) : !parameter.isInstance(arg)) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> wrapper(Class<?> primitive) {
    return MethodType.methodType(primitive).wrap().returnType();
  }

  private static String describe(Object[] args) {
    return Arrays.stream(args)
        .map(a -> a == null ? "null" : a.getClass().getSimpleName())
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
