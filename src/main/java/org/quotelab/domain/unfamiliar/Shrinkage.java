package org.quotelab.domain.unfamiliar;

/**
 * Ledoit-Wolf shrinkage of a sample covariance towards a scaled identity, as Ledoit and Wolf
 * (2004) and scikit-learn's {@code ledoit_wolf_shrinkage} compute it. A few hundred features
 * from a couple of thousand quotes give a singular or badly conditioned sample covariance;
 * shrinking towards {@code mu * I} makes it invertible with a data-chosen weight.
 */
public final class Shrinkage {

    private Shrinkage() {
    }

    /** The shrunk covariance and the weight of the identity target. */
    public record Result(double[][] covariance, double shrinkage, double mu) {
    }

    /**
     * The Ledoit-Wolf covariance of rows that are already centred (the mean subtracted). The
     * sample covariance divides by n (maximum likelihood), as Ledoit-Wolf assumes.
     */
    public static Result ledoitWolf(double[][] centred) {
        int n = centred.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 rows to estimate a covariance, got " + n);
        }
        int p = centred[0].length;
        double[][] s = new double[p][p];
        double[][] s2 = new double[p][p]; // sum over rows of x_i^2 x_j^2, for the variance of S
        for (double[] x : centred) {
            if (x.length != p) {
                throw new IllegalArgumentException("rows have different lengths: " + p + " and " + x.length);
            }
            for (int i = 0; i < p; i++) {
                double xi = x[i];
                double xi2 = xi * xi;
                double[] si = s[i];
                double[] s2i = s2[i];
                for (int j = i; j < p; j++) {
                    si[j] += xi * x[j];
                    s2i[j] += xi2 * x[j] * x[j];
                }
            }
        }
        double trace = 0;
        double sumS2 = 0; // ||S||_F^2
        double beta = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                s[i][j] /= n;
                s[j][i] = s[i][j];
                double weight = i == j ? 1 : 2;
                sumS2 += weight * s[i][j] * s[i][j];
                beta += weight * s2[i][j];
            }
            trace += s[i][i];
        }
        double mu = trace / p;
        // delta: squared distance of S from mu*I; beta: how far S is expected to stray from the truth
        double delta = (sumS2 - 2 * mu * trace + p * mu * mu) / p;
        beta = (beta / n - sumS2) / ((double) p * n);
        beta = Math.min(beta, delta);
        double shrinkage = delta == 0 ? 0 : beta / delta;
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i][j] = (1 - shrinkage) * s[i][j] + (i == j ? shrinkage * mu : 0);
            }
        }
        return new Result(out, shrinkage, mu);
    }

    /** The inverse of a symmetric positive-definite matrix, by Cholesky decomposition. */
    public static double[][] inverse(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("matrix is not positive definite (pivot " + i + ")");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        // L^-1 by forward substitution, then A^-1 = L^-T L^-1
        double[][] li = new double[p][p];
        for (int c = 0; c < p; c++) {
            li[c][c] = 1 / l[c][c];
            for (int i = c + 1; i < p; i++) {
                double sum = 0;
                for (int k = c; k < i; k++) {
                    sum -= l[i][k] * li[k][c];
                }
                li[i][c] = sum / l[i][i];
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < p; k++) {
                    sum += li[k][i] * li[k][j];
                }
                inv[i][j] = sum;
                inv[j][i] = sum;
            }
        }
        return inv;
    }
}
